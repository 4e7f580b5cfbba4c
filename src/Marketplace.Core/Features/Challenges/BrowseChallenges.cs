using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Public challenges, open ones first by deadline, then the rest newest first; or the agency's own, every state.</summary>
public static class BrowseChallenges
{
    public sealed record Query(bool OpenOnly = false, int? AgencyId = null, int Page = 1, int PageSize = 20) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Card> Items, int Total, int Page, int PageSize);

    public sealed record Card(int Id, string Slug, string TitleTh, string? TitleEn, string AgencyNameTh, string AgencyNameEn, ChallengeState State,
        int Category, long BudgetMinSatang, long BudgetMaxSatang, DateTimeOffset ProposalsDeadline, bool Open);

    /// <summary>
    /// Every public challenge's card as stored (latest deadline first), kept in memory until
    /// <see cref="PublicChanges.RecordsVersion"/> moves, the version the cached anonymous list is keyed by. What depends on
    /// the moment (closed once the deadline passed, open ones first) is worked out at each reading, so the clock alone
    /// never leaves a card stale.
    /// </summary>
    public sealed class PublicCards(IServiceScopeFactory scopes, PublicChanges changes)
    {
        private readonly VersionedSnapshot<IReadOnlyList<Card>> _cards = new(scopes, () => changes.RecordsVersion, LoadAsync);

        public Task<IReadOnlyList<Card>> GetAsync(CancellationToken ct) => _cards.GetAsync(ct);

        private static Task<IReadOnlyList<Card>> LoadAsync(MarketplaceDbContext db, long version, CancellationToken ct) =>
            ToCards(db.Challenges.AsNoTracking().Where(ChallengeRules.Public.At(DateTimeOffset.MinValue))
                .OrderByDescending(c => c.ProposalsDeadline).ThenBy(c => c.Id), DateTimeOffset.MinValue, ct);
    }

    public sealed class Handler(MarketplaceDbContext db, Common.IClock clock, PublicCards publicCards) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var page = Math.Max(1, request.Page);
            if (request.AgencyId is null)
                return FromMemory(await publicCards.GetAsync(cancellationToken), request, page, now);

            var query = db.Challenges.AsNoTracking().Where(c => c.AgencyId == request.AgencyId);
            if (request.OpenOnly)
                query = query.Where(ChallengeRules.OpenForProposals, now);
            var total = await query.CountAsync(cancellationToken);
            var cards = await ToCards(query
                .OrderByDescending(ChallengeRules.OpenForProposals.At(now))
                .ThenByDescending(c => c.ProposalsDeadline)
                .Skip((page - 1) * request.PageSize).Take(request.PageSize), now, cancellationToken);
            return new Result(cards, total, page, request.PageSize);
        }

        /// <summary>The same order as the query above: open for proposals at <paramref name="now"/> first, then latest deadline first.</summary>
        private static Result FromMemory(IReadOnlyList<Card> stored, Query request, int page, DateTimeOffset now)
        {
            bool OpenAt(Card c) => c.State == ChallengeState.Published && now < c.ProposalsDeadline;
            var open = stored.Where(OpenAt);
            var chosen = request.OpenOnly ? open : open.Concat(stored.Where(c => !OpenAt(c)));
            var items = chosen.Skip((page - 1) * request.PageSize).Take(request.PageSize).Select(c =>
            {
                var state = Challenge.StateSeenAt(c.State, c.ProposalsDeadline, now);
                return c with { State = state, Open = state == ChallengeState.Published };
            }).ToList();
            return new Result(items, request.OpenOnly ? stored.Count(OpenAt) : stored.Count, page, request.PageSize);
        }
    }

    private static async Task<IReadOnlyList<Card>> ToCards(IQueryable<Challenge> challenges, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await challenges
            .Select(c => new { c.Id, c.Slug, c.Content, c.State, c.ProposalsDeadline, c.Agency!.NameTh, c.Agency.NameEn })
            .ToListAsync(ct);
        return rows.Select(r => new Card(r.Id, r.Slug, r.Content.TitleTh, r.Content.TitleEn, r.NameTh, r.NameEn,
            Challenge.StateSeenAt(r.State, r.ProposalsDeadline, now), r.Content.Category, r.Content.BudgetMinSatang, r.Content.BudgetMaxSatang,
            r.ProposalsDeadline, Challenge.StateSeenAt(r.State, r.ProposalsDeadline, now) == ChallengeState.Published)).ToList();
    }
}
