using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>The numbers NIA staff watch: published listings by category and province, challenges by state, awards, and time to moderate.</summary>
public static class ModerationNumbers
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query : IRequest<Result>;

    public sealed record Result(int PublishedListings, IReadOnlyDictionary<int, int> ListingsByCategory, IReadOnlyList<(string Province, int Count)> TopProvinces,
        IReadOnlyDictionary<ChallengeState, int> ChallengesByState, int Awards, long AwardedSatang, int WaitingForReview,
        TimeSpan? MedianTimeToDecide, int DecisionsMeasured);

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var live = await db.Listings.AsNoTracking().Where(l => l.Visibility == Visibility.Published).Select(l => l.Live!).ToListAsync(cancellationToken);
            var byCategory = live.SelectMany(c => c.Categories).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
            var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Bi.Pick(p.NameTh, p.NameEn), cancellationToken);
            var topProvinces = live.SelectMany(c => c.Provinces).GroupBy(p => p).OrderByDescending(g => g.Count()).Take(10)
                .Select(g => (provinces.GetValueOrDefault(g.Key, g.Key), g.Count())).ToList();
            var challenges = await db.Challenges.AsNoTracking().GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var awarded = await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Awarded).Select(p => p.ContractValueSatang ?? 0).ToListAsync(cancellationToken);
            var waiting = await db.Listings.CountAsync(l => l.Review == ReviewState.Submitted, cancellationToken);
            var (median, measured) = await MedianTimeToDecideAsync(cancellationToken);
            return new Result(live.Count, byCategory, topProvinces, challenges, awarded.Count, awarded.Sum(), waiting, median, measured);
        }

        /// <summary>From each listing submission to the moderator's next decision on it, read from the audit trail.</summary>
        private async Task<(TimeSpan?, int)> MedianTimeToDecideAsync(CancellationToken ct)
        {
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == nameof(Listing) && !e.Refused && (e.Action == "SubmitListing" || e.Action == "DecideListing"))
                .OrderBy(e => e.Id).Select(e => new { e.EntityId, e.Action, e.At }).ToListAsync(ct);
            var waits = new List<TimeSpan>();
            var submitted = new Dictionary<string, DateTimeOffset>();
            foreach (var e in events)
            {
                if (e.Action == "SubmitListing")
                    submitted[e.EntityId!] = e.At;
                else if (submitted.Remove(e.EntityId!, out var at))
                    waits.Add(e.At - at);
            }
            if (waits.Count == 0)
                return (null, 0);
            waits.Sort();
            return (waits[waits.Count / 2], waits.Count);
        }
    }
}
