using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Matching;

/// <summary>The open challenges that fit a vendor's solutions, best first, each with the reason it fits.</summary>
public static class RecommendChallengesForVendor
{
    private const int CandidateVendorsPerChallenge = 30;

    [RequiresRole(Roles.Vendor)]
    public sealed record Query(int Max = 5) : IRequest<IReadOnlyList<Recommendation>>;

    public sealed record Recommendation(int ChallengeId, string Slug, string TitleTh, string? TitleEn, string AgencyNameTh, string AgencyNameEn,
        DateTimeOffset ProposalsDeadline, VendorMatch Reason);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, VendorMatcher matcher)
        : IRequestHandler<Query, IReadOnlyList<Recommendation>>
    {
        public async Task<IReadOnlyList<Recommendation>> Handle(Query request, CancellationToken cancellationToken)
        {
            var vendorId = await db.OrganisationIdOf(user, cancellationToken);
            if (vendorId is null)
                return [];
            var now = clock.Now;
            var open = await db.Challenges.AsNoTracking().Include(c => c.Agency)
                .Where(ChallengeRules.OpenForProposals, now).ToListAsync(cancellationToken);
            var recommendations = new List<Recommendation>();
            foreach (var challenge in open)
            {
                var match = (await matcher.MatchAsync(challenge, CandidateVendorsPerChallenge, cancellationToken)).FirstOrDefault(m => m.VendorId == vendorId);
                if (match is not null)
                    recommendations.Add(new Recommendation(challenge.Id, challenge.Slug, challenge.Content.TitleTh, challenge.Content.TitleEn,
                        challenge.Agency!.NameTh, challenge.Agency.NameEn, challenge.ProposalsDeadline, match));
            }
            return recommendations.OrderByDescending(r => r.Reason.Score).Take(Math.Clamp(request.Max, 1, 20)).ToList();
        }
    }
}
