using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>
/// The statistics against figures counted here straight from the stored entities (their JSON content, not the filter
/// columns the query reads), for each filter. One award and one paid order are moved a year back first, so the year
/// filter has something to separate.
/// </summary>
public sealed class PublicStatisticsTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static readonly (int? Year, Sector? Sector)[] Filters =
        [(null, null), (2026, null), (2025, null), (null, Sector.GovTech), (null, Sector.CivilTech), (2026, Sector.GovTech), (2025, Sector.GovTech), (2031, null)];

    [Fact]
    public async Task Every_figure_equals_a_count_made_directly_from_the_database_for_each_year_and_sector()
    {
        await MoveOneAwardAndOneOrderToLastYearAsync();

        foreach (var (year, sector) in Filters)
        {
            var result = await app.SendAsync(new PublicStatistics.Query(year, sector, TopOrganisations: 2));
            var expected = await app.QueryDbAsync(db => ExpectedAsync(db, year, sector));
            var filter = $"year {year}, sector {sector}";

            Assert.True(expected.ListingsBySector.SequenceEqual(result.ListingsBySector.Select(t => (t.Key, t.Value))), filter);
            Assert.True(expected.ListingsByCategory.SequenceEqual(result.ListingsByCategory.Select(t => (t.Key.Number, t.Value))), filter);
            Assert.True(expected.Published.SequenceEqual(result.Months.Where(m => m.ChallengesPublished > 0).Select(m => (m.Month, m.ChallengesPublished))), filter);
            Assert.True(expected.Awarded.SequenceEqual(result.Months.Where(m => m.AwardsMade > 0).Select(m => (m.Month, m.AwardsMade))), filter);
            Assert.True(expected.AwardedByCategory.SequenceEqual(result.AwardedByCategory.Select(m => (m.Key.Number, m.Count, m.ValueSatang))), filter);
            Assert.True(expected.PurchasedByCategory.SequenceEqual(result.PurchasedByCategory.Select(m => (m.Key.Number, m.Count, m.ValueSatang))), filter);
            Assert.Equal(expected.AwardedByAgency.Sum(a => a.Value), result.AwardedByAgency.Top.Sum(m => m.ValueSatang) + result.AwardedByAgency.RestSatang);
            Assert.Equal(expected.AwardedByAgency.OrderByDescending(a => a.Value).Take(2).Select(a => a.Value), result.AwardedByAgency.Top.Select(m => m.ValueSatang));
            Assert.Equal(Math.Max(0, expected.AwardedByAgency.Count - 2), result.AwardedByAgency.RestOrganisations);
            Assert.Equal(expected.PurchasedByAgency.Sum(a => a.Value), result.PurchasedByAgency.Top.Sum(m => m.ValueSatang) + result.PurchasedByAgency.RestSatang);
            Assert.Equal(expected.MedianDays, result.MedianDaysToAward);
            Assert.True(expected.Provinces.SequenceEqual(result.Provinces.Select(p => (p.Code, p.Listings, p.Awards, p.AwardedSatang))), filter);
            Assert.Equal(77, result.Provinces.Count);
            if (year is { } y)
                Assert.Equal(Enumerable.Range(1, 12).Select(m => new DateOnly(y, m, 1)), result.Months.Select(m => m.Month));
        }
    }

    [Fact]
    public async Task The_year_filter_separates_awards_and_purchases_while_listings_stay_the_whole_catalogue()
    {
        await MoveOneAwardAndOneOrderToLastYearAsync();

        var all = await app.SendAsync(new PublicStatistics.Query());
        var lastYear = await app.SendAsync(new PublicStatistics.Query(2025));
        var thisYear = await app.SendAsync(new PublicStatistics.Query(2026));

        Assert.Equal(1, lastYear.Flags.Awards);
        Assert.Equal(all.Flags.Awards, lastYear.Flags.Awards + thisYear.Flags.Awards);
        Assert.Equal(all.AwardedSatang, lastYear.AwardedSatang + thisYear.AwardedSatang);
        Assert.Equal(all.PurchasedSatang, lastYear.PurchasedSatang + thisYear.PurchasedSatang);
        Assert.True(lastYear.PurchasedSatang > 0);
        Assert.Equal(all.ListingsBySector, lastYear.ListingsBySector);
        Assert.Contains(2025, all.Years);
        Assert.Contains(2026, all.Years);
    }

    [Fact]
    public async Task Red_flag_shares_match_the_award_register_which_explains_each_flag()
    {
        var register = await app.SendAsync(new AwardRegister.Query(Everything: true));
        var result = await app.SendAsync(new PublicStatistics.Query());

        Assert.Equal(register.Total, result.Flags.Awards);
        Assert.Equal(register.Items.Count(a => a.RedFlags.Count > 0), result.Flags.Flagged);
        foreach (var kind in Enum.GetValues<RedFlagKind>())
            Assert.Equal(register.Items.Count(a => a.RedFlags.Any(f => f.Kind == kind)), result.Flags.ByKind.Single(t => t.Key == kind).Value);
        Assert.Equal((double)result.Flags.Flagged / result.Flags.Awards, result.Flags.Share);
        Assert.Equal(register.Items.Sum(a => a.ValueSatang), result.AwardedSatang);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Null(PublicStatistics.Median([]));
        Assert.Equal(5, PublicStatistics.Median([9, 5, 1]));
        Assert.Equal(6, PublicStatistics.Median([10, 1, 5, 7]));
    }

    /// <summary>Idempotent: the first call moves them, later calls find them moved.</summary>
    private Task MoveOneAwardAndOneOrderToLastYearAsync() => app.QueryDbAsync(async db =>
    {
        var challenge = await db.Challenges.SingleAsync(c => c.Slug == "pcd-pm25-sensors");
        if (Dates.ThaiDay(challenge.AwardedAt!.Value).Year != 2025)
        {
            var back = challenge.AwardedAt!.Value - new DateTimeOffset(2025, 6, 15, 3, 0, 0, TimeSpan.Zero);
            foreach (var property in new[] { nameof(Challenge.PublishedAt), nameof(Challenge.ProposalsDeadline), nameof(Challenge.QuestionsDeadline), nameof(Challenge.AwardedAt) })
            {
                var entry = db.Entry(challenge).Property(property);
                entry.CurrentValue = entry.CurrentValue switch { DateTimeOffset at => at - back, _ => entry.CurrentValue };
            }
        }
        var order = await db.Orders.Where(o => o.PaidAt != null && o.State != OrderState.Refunded).OrderBy(o => o.Id).FirstAsync();
        if (Dates.ThaiDay(order.PaidAt!.Value).Year != 2025)
            db.Entry(order).Property(o => o.PaidAt).CurrentValue = new DateTimeOffset(2025, 3, 10, 3, 0, 0, TimeSpan.Zero);
        return await db.SaveChangesAsync();
    });

    private sealed record Expected(
        List<(Sector, int)> ListingsBySector, List<(int, int)> ListingsByCategory, List<(DateOnly, int)> Published, List<(DateOnly, int)> Awarded,
        List<(int, int, long)> AwardedByCategory, List<(int, int, long)> PurchasedByCategory, List<(int Agency, long Value)> AwardedByAgency,
        List<(int Agency, long Value)> PurchasedByAgency, double? MedianDays, List<(string, int, int, long)> Provinces);

    private static async Task<Expected> ExpectedAsync(MarketplaceDbContext db, int? year, Sector? sector)
    {
        bool Sector(Sector s) => sector is null || s == sector;
        bool Year(DateTimeOffset? at) => at is not null && (year is null || Dates.ThaiDay(at.Value).Year == year);
        static DateOnly Month(DateTimeOffset at) => new(Dates.ThaiDay(at).Year, Dates.ThaiDay(at).Month, 1);

        var listings = (await db.Listings.AsNoTracking().ToListAsync()).Where(l => l.Visibility == Visibility.Published && Sector(l.Live!.Sector)).ToList();
        var challenges = (await db.Challenges.AsNoTracking().ToListAsync())
            .Where(c => c.PublishedAt is not null && c.State is not (ChallengeState.Draft or ChallengeState.Submitted) && Sector(c.Content.Sector)).ToList();
        var awarded = challenges.Where(c => c.State == ChallengeState.Awarded && Year(c.AwardedAt)).ToList();
        var winners = await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Awarded).ToListAsync();
        long Value(Challenge c) => winners.Where(w => w.ChallengeId == c.Id).Sum(w => w.ContractValueSatang ?? 0);
        var listingById = (await db.Listings.AsNoTracking().ToListAsync()).ToDictionary(l => l.Id);
        var orders = (await db.Orders.AsNoTracking().ToListAsync())
            .Where(o => o.PaidAt is not null && o.State != OrderState.Refunded && Year(o.PaidAt) && Sector(listingById[o.ListingId].Live!.Sector)).ToList();
        var days = awarded.Select(c => (c.AwardedAt!.Value - c.PublishedAt!.Value).TotalDays).Order().ToList();

        return new Expected(
            Enum.GetValues<Sector>().Where(Sector).Select(s => (s, listings.Count(l => l.Live!.Sector == s))).ToList(),
            NiaCategory.All.Select(c => (c.Number, listings.Count(l => l.Live!.Categories.Contains(c.Number)))).ToList(),
            challenges.Where(c => Year(c.PublishedAt)).GroupBy(c => Month(c.PublishedAt!.Value)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            awarded.GroupBy(c => Month(c.AwardedAt!.Value)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            NiaCategory.All.Select(n => (n.Number, awarded.Count(c => c.Content.Category == n.Number), awarded.Where(c => c.Content.Category == n.Number).Sum(Value))).ToList(),
            NiaCategory.All.Select(n => (n.Number, orders.Count(o => listingById[o.ListingId].Live!.PrimaryCategory == n.Number),
                orders.Where(o => listingById[o.ListingId].Live!.PrimaryCategory == n.Number).Sum(o => o.TotalSatang))).ToList(),
            awarded.GroupBy(c => c.AgencyId).Select(g => (g.Key, g.Sum(Value))).ToList(),
            orders.GroupBy(o => o.AgencyId).Select(g => (g.Key, g.Sum(o => o.TotalSatang))).ToList(),
            days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2,
            (await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync()).Select(p => (p.Code,
                listings.Count(l => l.Live!.Provinces.Contains(p.Code)), awarded.Count(c => c.Content.Provinces.Contains(p.Code)),
                awarded.Where(c => c.Content.Provinces.Contains(p.Code)).Sum(Value))).ToList());
    }
}
