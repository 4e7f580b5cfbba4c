using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// Challenges the public may see, for the open-data API. Drafts and challenges waiting for moderation are never
/// listed, whatever is asked: they exist only between an agency and NIA.
/// </summary>
public static class PublicChallenges
{
    public const int MaxPageSize = 100;

    public enum Status { Published, Closed, Evaluating, Awarded, Cancelled }

    public sealed record Query(Status? Status = null, int Page = 1, int PageSize = 20) : IRequest<Result>
    {
        /// <summary>Only this agency's challenges (its public page).</summary>
        public int? AgencyId { get; init; }
    }

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, OrganisationName Agency, Status Status,
        Sector Sector, int Category, IReadOnlyList<string> Provinces, long BudgetMinSatang, long BudgetMaxSatang,
        DateTimeOffset PublishedAt, DateTimeOffset QuestionsDeadline, DateTimeOffset ProposalsDeadline, DateTimeOffset? AwardedAt);

    /// <summary>Accepts the lower-case names the API documents; anything else (including "draft") is unknown.</summary>
    public static bool TryParseStatus(string text, out Status status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
            var now = clock.Now;
            var query = db.Challenges.AsNoTracking().PublicOnly();
            if (request.AgencyId is { } agencyId)
                query = query.Where(c => c.AgencyId == agencyId);
            // The deadline job may not have run yet: a published challenge past its deadline is already closed to vendors.
            query = request.Status switch
            {
                Status.Published => query.Where(ChallengeRules.OpenForProposals, now),
                Status.Closed => query.Where(ChallengeRules.Closed, now)
                    .Where(c => c.State == ChallengeState.Published || c.State == ChallengeState.Closed),
                Status.Evaluating => query.Where(c => c.State == ChallengeState.Evaluating),
                Status.Awarded => query.Where(c => c.State == ChallengeState.Awarded),
                Status.Cancelled => query.Where(c => c.State == ChallengeState.Cancelled),
                _ => query,
            };

            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
                .Skip((page - 1) * size).Take(size)
                .Select(c => new
                {
                    c.Id,
                    c.Slug,
                    c.Content,
                    c.State,
                    c.PublishedAt,
                    c.QuestionsDeadline,
                    c.ProposalsDeadline,
                    c.AwardedAt,
                    Agency = new OrganisationName(c.AgencyId, c.Agency!.Slug, c.Agency.NameTh, c.Agency.NameEn),
                })
                .ToListAsync(cancellationToken);
            var items = rows.Select(r => new Item(r.Id, r.Slug, r.Content.TitleTh, r.Content.TitleEn, r.Agency,
                PublicStatus(r.State, r.ProposalsDeadline, now), r.Content.Sector, r.Content.Category, r.Content.Provinces,
                r.Content.BudgetMinSatang, r.Content.BudgetMaxSatang, r.PublishedAt!.Value, r.QuestionsDeadline, r.ProposalsDeadline,
                r.AwardedAt)).ToList();
            return new Result(items, total, page, size);
        }

        private static Status PublicStatus(ChallengeState state, DateTimeOffset deadline, DateTimeOffset now) => Challenge.StateSeenAt(state, deadline, now) switch
        {
            ChallengeState.Published => Status.Published,
            ChallengeState.Closed => Status.Closed,
            ChallengeState.Evaluating => Status.Evaluating,
            ChallengeState.Awarded => Status.Awarded,
            _ => Status.Cancelled,
        };
    }
}
