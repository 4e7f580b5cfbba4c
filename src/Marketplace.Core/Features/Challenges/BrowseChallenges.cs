using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Public challenges, open ones first by deadline, then the rest newest first; or the agency's own, every state.</summary>
public static class BrowseChallenges
{
    public sealed record Query(bool OpenOnly = false, int? AgencyId = null, int Page = 1, int PageSize = 20) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Card> Items, int Total, int Page, int PageSize);

    public sealed record Card(int Id, string Slug, string TitleTh, string? TitleEn, string AgencyNameTh, string AgencyNameEn, ChallengeState State,
        int Category, long BudgetMinSatang, long BudgetMaxSatang, DateTimeOffset ProposalsDeadline, bool Open);

    public sealed class Handler(MarketplaceDbContext db, Common.IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var page = Math.Max(1, request.Page);
            var query = db.Challenges.AsNoTracking();
            query = request.AgencyId is { } agency ? query.Where(c => c.AgencyId == agency) : query.Where(ChallengeRules.Public, now);
            if (request.OpenOnly)
                query = query.Where(ChallengeRules.OpenForProposals, now);
            var total = await query.CountAsync(cancellationToken);
            var rows = await query
                .OrderByDescending(ChallengeRules.OpenForProposals.At(now))
                .ThenByDescending(c => c.ProposalsDeadline)
                .Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(c => new { c.Id, c.Slug, c.Content, c.State, c.ProposalsDeadline, c.Agency!.NameTh, c.Agency.NameEn })
                .ToListAsync(cancellationToken);
            return new Result(rows.Select(r => new Card(r.Id, r.Slug, r.Content.TitleTh, r.Content.TitleEn, r.NameTh, r.NameEn,
                Challenge.StateSeenAt(r.State, r.ProposalsDeadline, now), r.Content.Category, r.Content.BudgetMinSatang, r.Content.BudgetMaxSatang,
                r.ProposalsDeadline, Challenge.StateSeenAt(r.State, r.ProposalsDeadline, now) == ChallengeState.Published))
                .ToList(), total, page, request.PageSize);
        }
    }
}
