using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Challenges;
using MediatR;

namespace Marketplace.Core.Features.Matching;

/// <summary>The vendors the system suggests for a challenge, shown to the agency that owns it.</summary>
public static class MatchVendorsForChallenge
{
    [RequiresRole(Roles.Buyer, Roles.Moderator, Roles.Admin)]
    public sealed record Query(int ChallengeId, int Max = 10) : IRequest<IReadOnlyList<VendorMatch>>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, VendorMatcher matcher)
        : IRequestHandler<Query, IReadOnlyList<VendorMatch>>
    {
        public async Task<IReadOnlyList<VendorMatch>> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenge = user.IsModerator()
                ? await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken)
                : await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            return await matcher.MatchAsync(challenge, Math.Clamp(request.Max, 1, 50), cancellationToken);
        }
    }
}
