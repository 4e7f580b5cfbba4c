using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// The figures of the public statistics page, for a calendar year (Thai time) and a sector or for everything.
/// Listings are the catalogue as it stands today, so the year applies to challenges, awards and purchases only; the
/// sector applies to all of them (a purchase takes its listing's sector and primary category). Money is what was
/// awarded (contract values of awarded challenges) and what was paid (paid orders, less refunded ones).
/// The rows are read once and counted in memory: a few thousand awards a year is small, and the same code then
/// runs on SQLite and PostgreSQL alike, JSON columns included.
/// </summary>
public static class PublicStatistics
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <param name="TopOrganisations">How many agencies each money chart names before summing the rest.</param>
    public sealed record Query(int? Year = null, Sector? Sector = null, int TopOrganisations = 8) : IRequest<StatisticsResult>;

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, StatisticsResult>
    {
        public async Task<StatisticsResult> Handle(Query request, CancellationToken cancellationToken)
        {
            var listings = await ListingsAsync(request.Sector, cancellationToken);
            var challenges = await db.Challenges.AsNoTracking().PublicOnly()
                .Select(c => new ChallengeRow(c.Id, c.AgencyId, c.Content, c.State, c.PublishedAt!.Value, c.ProposalsDeadline, c.AwardedAt))
                .ToListAsync(cancellationToken);
            var agencies = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Agency)
                .ToDictionaryAsync(o => o.Id, o => new OrganisationName(o.Id, o.Slug, o.NameTh, o.NameEn), cancellationToken);
            var awards = await AwardsAsync(challenges, agencies, cancellationToken);
            var purchases = await PurchasesAsync(agencies, cancellationToken);

            bool InSector(Sector sector) => request.Sector is null || request.Sector == sector;
            bool InYear(DateTimeOffset at) => request.Year is null || Dates.ThaiDay(at).Year == request.Year;
            var published = challenges.Where(c => InSector(c.Content.Sector) && InYear(c.PublishedAt)).ToList();
            var awarded = awards.Where(a => InSector(a.Sector) && InYear(a.AwardedAt)).ToList();
            var paid = purchases.Where(p => InSector(p.Sector) && InYear(p.PaidAt)).ToList();

            var years = challenges.Select(c => c.PublishedAt).Concat(awards.Select(a => a.AwardedAt)).Concat(purchases.Select(p => p.PaidAt))
                .Select(at => Dates.ThaiDay(at).Year).Distinct().Order().ToList();
            var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);

            return new StatisticsResult(
                request.Year, request.Sector, years,
                Enum.GetValues<Sector>().Where(InSector).Select(s => new Tally<Sector>(s, listings.Count(l => l.Sector == s))).ToList(),
                NiaCategory.All.Select(c => new Tally<NiaCategory>(c, listings.Count(l => l.Categories.Contains(c.Number)))).ToList(),
                Months(request.Year, published, awarded),
                NiaCategory.All.Select(c => Sum(c, awarded.Where(a => a.Category == c.Number).Select(a => a.ValueSatang))).ToList(),
                Top(awarded.GroupBy(a => a.Agency).Select(g => Sum(g.Key, g.Select(a => a.ValueSatang))), request.TopOrganisations),
                NiaCategory.All.Select(c => Sum(c, paid.Where(p => p.Category == c.Number).Select(p => p.ValueSatang))).ToList(),
                Top(paid.GroupBy(p => p.Agency).Select(g => Sum(g.Key, g.Select(p => p.ValueSatang))), request.TopOrganisations),
                Median(awarded.Select(a => (a.AwardedAt - a.PublishedAt).TotalDays).ToList()),
                new FlagShare(awarded.Count, awarded.Count(a => a.Flags.Count > 0),
                    Enum.GetValues<RedFlagKind>().Select(k => new Tally<RedFlagKind>(k, awarded.Count(a => a.Flags.Any(f => f.Kind == k)))).ToList()),
                provinces.Select(p => new ProvinceFigures(p.Code, p.NameTh, p.NameEn, listings.Count(l => l.Provinces.Contains(p.Code)),
                    awarded.Count(a => a.Provinces.Contains(p.Code)), awarded.Where(a => a.Provinces.Contains(p.Code)).Sum(a => a.ValueSatang))).ToList());
        }

        private async Task<List<ListingRow>> ListingsAsync(Sector? sector, CancellationToken ct)
        {
            var query = db.Listings.AsNoTracking().Where(l => l.Visibility == Visibility.Published && l.LiveSector != null);
            if (sector is not null)
                query = query.Where(l => l.LiveSector == sector);
            var rows = await query.Select(l => new { l.LiveSector, l.LiveCategories, l.LiveProvinces }).ToListAsync(ct);
            return rows.Select(r => new ListingRow(r.LiveSector!.Value, Codes(r.LiveCategories).Select(int.Parse).ToList(), Codes(r.LiveProvinces))).ToList();
        }

        private async Task<List<AwardRow>> AwardsAsync(List<ChallengeRow> challenges, Dictionary<int, OrganisationName> agencies, CancellationToken ct)
        {
            var awardedIds = challenges.Where(c => c.State == ChallengeState.Awarded).Select(c => c.Id).ToList();
            // Standing = not withdrawn (see Proposal.IsStanding), as the award register counts them.
            var proposals = await db.Proposals.AsNoTracking().Where(p => awardedIds.Contains(p.ChallengeId) && p.State != ProposalState.Withdrawn)
                .Select(p => new { p.ChallengeId, p.VendorId, p.State, p.ContractValueSatang, p.Vendor!.Slug, p.Vendor.NameTh, p.Vendor.NameEn })
                .ToListAsync(ct);
            var winners = proposals.Where(p => p.State == ProposalState.Awarded).ToList();
            // Repeat wins are counted over the whole register, as on /awards, whatever year is shown.
            var winsByAgencyAndVendor = winners.Join(challenges, w => w.ChallengeId, c => c.Id, (w, c) => (c.AgencyId, w.VendorId))
                .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            return challenges.Where(c => c.State == ChallengeState.Awarded && c.AwardedAt is not null).Select(c =>
            {
                var agency = agencies[c.AgencyId];
                var won = winners.Where(w => w.ChallengeId == c.Id).ToList();
                var flags = RedFlags.For(proposals.Count(p => p.ChallengeId == c.Id), c.PublishedAt, c.ProposalsDeadline, agency,
                    won.Select(w => (new OrganisationName(w.VendorId, w.Slug, w.NameTh, w.NameEn), winsByAgencyAndVendor[(c.AgencyId, w.VendorId)])));
                return new AwardRow(agency, c.Content.Sector, c.Content.Category, c.Content.Provinces, c.PublishedAt, c.AwardedAt!.Value,
                    won.Sum(w => w.ContractValueSatang ?? 0), flags);
            }).ToList();
        }

        private async Task<List<PurchaseRow>> PurchasesAsync(Dictionary<int, OrganisationName> agencies, CancellationToken ct)
        {
            var rows = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.State != OrderState.Refunded)
                .Join(db.Listings, o => o.ListingId, l => l.Id, (o, l) => new { o.AgencyId, o.TotalSatang, o.PaidAt, l.LiveSector, l.LiveCategories })
                .ToListAsync(ct);
            // A listing's primary category comes first in its filter copy, so each baht is counted under one category.
            return rows.Where(r => r.LiveSector is not null && agencies.ContainsKey(r.AgencyId))
                .Select(r => new PurchaseRow(agencies[r.AgencyId], r.LiveSector!.Value, Codes(r.LiveCategories).Select(int.Parse).FirstOrDefault(),
                    r.PaidAt!.Value, r.TotalSatang)).ToList();
        }
    }

    private static IReadOnlyList<string> Codes(string? packed) => (packed ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static Amount<T> Sum<T>(T key, IEnumerable<long> values)
    {
        var list = values.ToList();
        return new Amount<T>(key, list.Count, list.Sum());
    }

    private static TopOrganisations Top(IEnumerable<Amount<OrganisationName>> all, int top)
    {
        var ordered = all.OrderByDescending(m => m.ValueSatang).ThenBy(m => m.Key.NameTh, StringComparer.Ordinal).ToList();
        var rest = ordered.Skip(top).ToList();
        return new TopOrganisations(ordered.Take(top).ToList(), rest.Count, rest.Sum(m => m.Count), rest.Sum(m => m.ValueSatang));
    }

    /// <summary>The middle value, or the mean of the two middle ones; null with nothing to measure.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Every month of the year asked for; without a year, every month from the first activity to the last.</summary>
    private static IReadOnlyList<MonthFigures> Months(int? year, List<ChallengeRow> published, List<AwardRow> awarded)
    {
        static DateOnly MonthOf(DateTimeOffset at) => Dates.ThaiDay(at) is var d ? new DateOnly(d.Year, d.Month, 1) : default;
        var activity = published.Select(c => MonthOf(c.PublishedAt)).Concat(awarded.Select(a => MonthOf(a.AwardedAt))).ToList();
        if (year is null && activity.Count == 0)
            return [];
        var first = year is { } y ? new DateOnly(y, 1, 1) : activity.Min();
        var last = year is { } z ? new DateOnly(z, 12, 1) : activity.Max();
        var months = new List<MonthFigures>();
        for (var month = first; month <= last; month = month.AddMonths(1))
            months.Add(new MonthFigures(month, published.Count(c => MonthOf(c.PublishedAt) == month), awarded.Count(a => MonthOf(a.AwardedAt) == month)));
        return months;
    }

    private sealed record ListingRow(Sector Sector, IReadOnlyList<int> Categories, IReadOnlyList<string> Provinces);

    private sealed record ChallengeRow(int Id, int AgencyId, ChallengeContent Content, ChallengeState State, DateTimeOffset PublishedAt,
        DateTimeOffset ProposalsDeadline, DateTimeOffset? AwardedAt);

    private sealed record AwardRow(OrganisationName Agency, Sector Sector, int Category, IReadOnlyList<string> Provinces,
        DateTimeOffset PublishedAt, DateTimeOffset AwardedAt, long ValueSatang, IReadOnlyList<RedFlag> Flags);

    private sealed record PurchaseRow(OrganisationName Agency, Sector Sector, int Category, DateTimeOffset PaidAt, long ValueSatang);
}
