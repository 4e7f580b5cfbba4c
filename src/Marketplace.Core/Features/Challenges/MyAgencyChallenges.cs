using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The buyer's dashboard: every challenge of the signed-in person's agency in every state, newest first, with the
/// moderator's reason when one was sent back. The agency comes from the membership, never from the request.
/// </summary>
public static class MyAgencyChallenges
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Query(int Page = 1, int PageSize = 20) : IRequest<Result>;

    /// <summary>One of the agency's challenges, for the edit page's state line.</summary>
    [RequiresRole(Roles.Buyer)]
    public sealed record One(int ChallengeId) : IRequest<Item>;

    public sealed record Result(string AgencyNameTh, string AgencyNameEn, bool AgencyVerified, IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, ChallengeState State, DateTimeOffset ProposalsDeadline, string? Reason);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, Result>, IRequestHandler<One, Item>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var agencyId = await db.OrganisationIdOf(user, cancellationToken)
                ?? throw new ForbiddenException(Texts.Get("Features.Challenges.MyAgencyChallenges.ThisAccountDoesNotBelongTo"));
            var agency = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == agencyId, cancellationToken);
            var page = Math.Max(1, request.Page);
            var mine = db.Challenges.AsNoTracking().Where(c => c.AgencyId == agencyId);
            var total = await mine.CountAsync(cancellationToken);
            var rows = await mine.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
            return new Result(agency.NameTh, agency.NameEn, agency.Verification == Domain.VerificationState.Verified,
                rows.Select(ToItem).ToList(), total, page, request.PageSize);
        }

        public async Task<Item> Handle(One request, CancellationToken cancellationToken) =>
            ToItem(await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken));

        /// <summary>A published challenge past its deadline reads as closed even before the deadline job has run.</summary>
        private Item ToItem(Challenge c)
        {
            c.CloseIfDue(clock.Now);
            return new Item(c.Id, c.Slug, c.Content.TitleTh, c.Content.TitleEn, c.State, c.ProposalsDeadline, c.Reason);
        }
    }
}
