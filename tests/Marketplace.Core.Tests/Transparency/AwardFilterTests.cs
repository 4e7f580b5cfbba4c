using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>
/// The register's filters, orders and totals over the seeded awards (seed-data/challenges.json): nhso-mobile-claims
/// (nhso, category 3, nationwide, 16.8 M to siam-health-link), nhso-elderly-home-care (nhso, category 3, Isan provinces
/// incl. TH-40, 4.95 M to siam-health-link), pcd-pm25-sensors (pcd, category 4, northern provinces, 7.9 M to fah-sai-air)
/// and khonkaen-city-smart-bus (khonkaen-city, category 2, TH-40, 4.6 M to mekong-mobility), all awarded in 2026.
/// </summary>
public sealed class AwardFilterTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private Task<AwardRegister.Result> RegisterAsync(AwardFilter filter, AwardSort sort = AwardSort.DateDesc, int page = 1, int pageSize = 20) =>
        app.SendAsync(new AwardRegister.Query(page, pageSize) { Filter = filter, Sort = sort });

    private static IEnumerable<string> Slugs(AwardRegister.Result r) => r.Items.Select(a => a.Slug).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Without_filters_the_count_and_total_value_cover_the_whole_register()
    {
        var register = await RegisterAsync(new AwardFilter(), pageSize: 1);

        Assert.Equal(4, register.Total);
        Assert.Single(register.Items);
        Assert.Equal(1_680_000_000L + 495_000_000 + 790_000_000 + 460_000_000, register.TotalValueSatang);
    }

    [Theory]
    [InlineData("nhso", null, null, null, null, new[] { "nhso-elderly-home-care", "nhso-mobile-claims" }, 2_175_000_000L)]
    [InlineData(null, "siam-health-link", null, null, null, new[] { "nhso-elderly-home-care", "nhso-mobile-claims" }, 2_175_000_000L)]
    [InlineData(null, "mekong-mobility", null, null, null, new[] { "khonkaen-city-smart-bus" }, 460_000_000L)]
    [InlineData(null, null, 3, null, null, new[] { "nhso-elderly-home-care", "nhso-mobile-claims" }, 2_175_000_000L)]
    [InlineData(null, null, 4, null, null, new[] { "pcd-pm25-sensors" }, 790_000_000L)]
    [InlineData(null, null, null, "TH-40", null, new[] { "khonkaen-city-smart-bus", "nhso-elderly-home-care" }, 955_000_000L)]
    [InlineData(null, null, null, "TH-50", null, new[] { "pcd-pm25-sensors" }, 790_000_000L)]
    [InlineData(null, null, null, "TH-10", null, new string[0], 0L)]
    [InlineData(null, null, null, null, 2026, new[] { "khonkaen-city-smart-bus", "nhso-elderly-home-care", "nhso-mobile-claims", "pcd-pm25-sensors" }, 3_425_000_000L)]
    [InlineData(null, null, null, null, 2025, new string[0], 0L)]
    [InlineData("nhso", null, null, "TH-40", null, new[] { "nhso-elderly-home-care" }, 495_000_000L)]
    [InlineData("nhso", "siam-health-link", 3, "TH-41", 2026, new[] { "nhso-elderly-home-care" }, 495_000_000L)]
    [InlineData("pcd", "siam-health-link", null, null, null, new string[0], 0L)]
    [InlineData(null, "fah-sai-air", 3, null, null, new string[0], 0L)]
    public async Task Each_filter_and_their_combinations_select_the_matching_awards_and_sum_their_value(string? agency, string? vendor,
        int? category, string? province, int? year, string[] expected, long totalValue)
    {
        var register = await RegisterAsync(new AwardFilter(agency, vendor, category, province, year));

        Assert.Equal(expected, Slugs(register));
        Assert.Equal(expected.Length, register.Total);
        Assert.Equal(totalValue, register.TotalValueSatang);
    }

    [Theory]
    [InlineData(RedFlagKind.SingleProposal)]
    [InlineData(RedFlagKind.ShortWindow)]
    [InlineData(RedFlagKind.RepeatWinner)]
    public async Task The_red_flag_filter_in_SQL_selects_exactly_the_awards_the_register_flags(RedFlagKind kind)
    {
        var all = await app.SendAsync(new AwardRegister.Query(Everything: true));
        var flagged = all.Items.Where(a => a.RedFlags.Any(f => f.Kind == kind)).Select(a => a.Slug).Order(StringComparer.Ordinal).ToList();

        var register = await RegisterAsync(new AwardFilter(Flag: kind));

        Assert.NotEmpty(flagged);
        Assert.Equal(flagged, Slugs(register));
        Assert.Equal(all.Items.Where(a => flagged.Contains(a.Slug)).Sum(a => a.ValueSatang), register.TotalValueSatang);
    }

    [Fact]
    public async Task Sorting_by_value_and_by_date_in_either_direction()
    {
        string[] byValue = ["nhso-mobile-claims", "pcd-pm25-sensors", "nhso-elderly-home-care", "khonkaen-city-smart-bus"];
        string[] byDate = ["nhso-elderly-home-care", "khonkaen-city-smart-bus", "pcd-pm25-sensors", "nhso-mobile-claims"];

        Assert.Equal(byValue, (await RegisterAsync(new AwardFilter(), AwardSort.ValueDesc)).Items.Select(a => a.Slug));
        Assert.Equal(byValue.Reverse(), (await RegisterAsync(new AwardFilter(), AwardSort.ValueAsc)).Items.Select(a => a.Slug));
        Assert.Equal(byDate, (await RegisterAsync(new AwardFilter(), AwardSort.DateDesc)).Items.Select(a => a.Slug));
        Assert.Equal(byDate.Reverse(), (await RegisterAsync(new AwardFilter(), AwardSort.DateAsc)).Items.Select(a => a.Slug));
    }

    [Fact]
    public async Task A_later_page_of_a_filtered_register_keeps_the_filter_and_its_totals()
    {
        var second = await RegisterAsync(new AwardFilter(Province: "TH-40"), AwardSort.ValueDesc, page: 2, pageSize: 1);

        Assert.Equal(2, second.Total);
        Assert.Equal(955_000_000L, second.TotalValueSatang);
        Assert.Equal("khonkaen-city-smart-bus", Assert.Single(second.Items).Slug);
    }
}
