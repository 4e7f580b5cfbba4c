using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// The public register of awards, newest first: who bought what from whom, for how much, after how much competition,
/// with red flags. Only awarded challenges appear; proposals stay private except for their count and the winners.
/// </summary>
public static class AwardRegister
{
    public const int MaxPageSize = 100;

    /// <summary><paramref name="Everything"/> ignores paging, for the CSV download.</summary>
    public sealed record Query(int Page = 1, int PageSize = 20, bool Everything = false) : IRequest<Result>
    {
        public AwardFilter Filter { get; init; } = new();
        public AwardSort Sort { get; init; } = AwardSort.DateDesc;
    }

    /// <summary><paramref name="Total"/> and <paramref name="TotalValueSatang"/> cover everything the filter selects, not only this page.</summary>
    public sealed record Result(IReadOnlyList<Award> Items, int Total, int Page, int PageSize)
    {
        public long TotalValueSatang { get; init; }
    }

    public sealed record Award(int ChallengeId, string Slug, string TitleTh, string? TitleEn, OrganisationName Agency,
        IReadOnlyList<Winner> Winners, DateTimeOffset AwardedAt, DateTimeOffset PublishedAt, DateTimeOffset ProposalsDeadline,
        int Proposals, int WindowDays, IReadOnlyList<RedFlag> RedFlags)
    {
        /// <summary>
        /// Thai public records are dated in Bangkok time (UTC+7 all year), whatever the server's zone: an award made at
        /// 06:00 in Bangkok belongs to that Thai date, not to the UTC day before.
        /// </summary>
        public DateOnly AwardDate => Dates.ThaiDay(AwardedAt);

        public long ValueSatang => Winners.Sum(w => w.ValueSatang);

        /// <summary>The flags that concern this winner: the challenge's own, plus its repeat-win flag if any.</summary>
        public IEnumerable<RedFlag> FlagsFor(Winner winner) => RedFlags.Where(f => f.VendorId is null || f.VendorId == winner.Vendor.Id);
    }

    public sealed record Winner(OrganisationName Vendor, long ValueSatang, DateOnly? ContractDate, int WinsFromAgency);

    /// <summary>
    /// Register pages already read, kept until <see cref="PublicChanges.RecordsVersion"/> moves (the version the cached
    /// anonymous page is keyed by): a signed-in reader's page, which the output cache refuses, then costs no query.
    /// </summary>
    public sealed class Answers(PublicChanges changes)
    {
        public VersionedMemo<Query, Result> Pages { get; } = new(() => changes.RecordsVersion, capacity: 256);
    }

    public sealed class Handler(MarketplaceDbContext db, Answers answers) : IRequestHandler<Query, Result>
    {
        // The whole register (the CSV) is read rarely and may be large: it is not kept.
        public Task<Result> Handle(Query request, CancellationToken cancellationToken) =>
            request.Everything ? ReadAsync(request, cancellationToken) : answers.Pages.GetAsync(request, ct => ReadAsync(request, ct), cancellationToken);

        private async Task<Result> ReadAsync(Query request, CancellationToken cancellationToken)
        {
            var page = request.Everything ? 1 : Math.Max(1, request.Page);
            var size = request.Everything ? int.MaxValue : Math.Clamp(request.PageSize, 1, MaxPageSize);
            var awarded = AwardFilters.Apply(db, db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Awarded), request.Filter);
            var total = await awarded.CountAsync(cancellationToken);
            var awardedIds = awarded.Select(c => c.Id);
            var totalValue = await db.Proposals
                .Where(p => p.State == ProposalState.Awarded && awardedIds.Contains(p.ChallengeId))
                .SumAsync(p => p.ContractValueSatang, cancellationToken) ?? 0;
            var ordered = AwardFilters.Order(db, awarded, request.Sort);
            if (!request.Everything)
                ordered = ordered.Skip((page - 1) * size).Take(size);
            var challenges = await ordered
                .Select(c => new
                {
                    c.Id,
                    c.Slug,
                    c.Content,
                    c.PublishedAt,
                    c.ProposalsDeadline,
                    c.AwardedAt,
                    Agency = new OrganisationName(c.AgencyId, c.Agency!.Slug, c.Agency.NameTh, c.Agency.NameEn),
                })
                .ToListAsync(cancellationToken);

            var ids = challenges.Select(c => c.Id).ToList();
            // One read for the page's standing proposals (standing = not withdrawn, see Proposal.IsStanding; written out
            // because EF cannot translate that property): they are counted, and the winners carry their wins from the
            // same agency over the whole register, since a repeat win is repeated whatever page it falls on.
            var proposals = await (
                    from p in db.Proposals.AsNoTracking()
                    join c in db.Challenges on p.ChallengeId equals c.Id
                    where ids.Contains(p.ChallengeId) && p.State != ProposalState.Withdrawn
                    orderby p.Id
                    select new
                    {
                        p.ChallengeId,
                        Won = p.State == ProposalState.Awarded,
                        p.ContractValueSatang,
                        p.ContractDate,
                        Vendor = new OrganisationName(p.VendorId, p.Vendor!.Slug, p.Vendor.NameTh, p.Vendor.NameEn),
                        WinsFromAgency = p.State != ProposalState.Awarded ? 0 : (
                            from other in db.Proposals
                            join o in db.Challenges on other.ChallengeId equals o.Id
                            where other.State == ProposalState.Awarded && o.State == ChallengeState.Awarded
                                && o.AgencyId == c.AgencyId && other.VendorId == p.VendorId
                            select other.Id).Count(),
                    })
                .ToListAsync(cancellationToken);
            var byChallenge = proposals.ToLookup(p => p.ChallengeId);

            var awards = challenges.Select(c =>
            {
                var published = c.PublishedAt!.Value;
                var proposals = byChallenge[c.Id].Count();
                var won = byChallenge[c.Id].Where(w => w.Won)
                    .Select(w => new Winner(w.Vendor, w.ContractValueSatang ?? 0, w.ContractDate, w.WinsFromAgency))
                    .ToList();
                var flags = RedFlags.For(proposals, published, c.ProposalsDeadline, c.Agency, won.Select(w => (w.Vendor, w.WinsFromAgency)));
                return new Award(c.Id, c.Slug, c.Content.TitleTh, c.Content.TitleEn, c.Agency, won, c.AwardedAt!.Value, published,
                    c.ProposalsDeadline, proposals, RedFlags.WindowDays(published, c.ProposalsDeadline), flags);
            }).ToList();
            return new Result(awards, total, page, request.Everything ? Math.Max(1, total) : size) { TotalValueSatang = totalValue };
        }
    }
}
