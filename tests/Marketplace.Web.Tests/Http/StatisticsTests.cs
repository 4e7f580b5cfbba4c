using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>/statistics as a visitor reads it (the seeded data, the site at its configured public address), and link previews.</summary>
public sealed partial class StatisticsTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    private static int ThisYear => Dates.ThaiDay(DateTimeOffset.UtcNow).Year;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        return await visitor.GetAsync(url);
    }

    private async Task<T> QueryDbAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    public static TheoryData<string, Sector?, bool> Filters() => new()
    {
        { "", null, false },
        { "?sector=GovTech", Sector.GovTech, false },
        { "?sector=civiltech", Sector.CivilTech, false },
        { "?year={0}", null, true },
        { "?year={0}&sector=GovTech", Sector.GovTech, true },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_page_shows_the_figures_counted_from_the_database_for_the_year_and_sector(string query, Sector? sector, bool thisYear)
    {
        var (status, html) = await GetAsync("/statistics" + string.Format(CultureInfo.InvariantCulture, query, ThisYear));
        int? year = thisYear ? ThisYear : null;
        var expected = await QueryDbAsync(async db =>
        {
            bool InSector(Sector s) => sector is null || s == sector;
            bool InYear(DateTimeOffset? at) => at is not null && (year is null || Dates.ThaiDay(at.Value).Year == year);
            var listings = (await db.Listings.AsNoTracking().ToListAsync()).Where(l => l.Visibility == Visibility.Published && InSector(l.Live!.Sector)).ToList();
            var awarded = (await db.Challenges.AsNoTracking().ToListAsync())
                .Where(c => c.State == ChallengeState.Awarded && InYear(c.AwardedAt) && InSector(c.Content.Sector)).Select(c => c.Id).ToList();
            var winners = await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Awarded).ToListAsync();
            var listingSectors = (await db.Listings.AsNoTracking().ToListAsync()).ToDictionary(l => l.Id, l => l.Live?.Sector);
            var paid = (await db.Orders.AsNoTracking().ToListAsync())
                .Where(o => o.PaidAt is not null && o.State != OrderState.Refunded && InYear(o.PaidAt) && InSector(listingSectors[o.ListingId]!.Value)).ToList();
            return (ByCategory: NiaCategory.All.Select(c => (long)listings.Count(l => l.Live!.Categories.Contains(c.Number))).ToList(),
                Awards: awarded.Count,
                AwardedBaht: winners.Where(w => awarded.Contains(w.ChallengeId)).Sum(w => w.ContractValueSatang ?? 0) / 100,
                PurchasedBaht: paid.Sum(o => o.TotalSatang) / 100);
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.ByCategory, Figures(Section(html, "table-listings-by-category")));
        Assert.Equal(expected.AwardedBaht, Figures(Section(html, "total-awarded", "</div>")).Single());
        Assert.Equal(expected.PurchasedBaht, Figures(Section(html, "total-purchased", "</div>")).Single());
        Assert.Equal(expected.Awards.ToString(CultureInfo.InvariantCulture), FlagShare().Match(Section(html, "flag-share", "</div>")).Groups[1].Value);
        if (sector is { } s)
            Assert.Contains($"href=\"/solutions?sector={s}&amp;category=health-data\"", Section(html, "table-listings-by-category"));
        if (year is { } y)
            Assert.Matches($"href=\"/awards\\?agency=[a-z0-9-]+&amp;year={y}\"", Section(html, "table-awarded-by-agency"));
    }

    [Fact]
    public async Task A_Buddhist_era_year_shows_the_same_figures_as_its_Gregorian_year()
    {
        var (status, thai) = await GetAsync($"/statistics?year={ThisYear + 543}");
        var (_, gregorian) = await GetAsync($"/statistics?year={ThisYear}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Section(gregorian, "key-figures", "<div class=\"row g-4\">"), Section(thai, "key-figures", "<div class=\"row g-4\">"));
        Assert.Contains($"<option value=\"{ThisYear}\" selected=\"selected\">{ThisYear + 543}</option>", thai);
    }

    [Theory]
    [InlineData("year=abc", "Year-error")]
    [InlineData("year=1999", "Year-error")]
    [InlineData("year=99999999999999", "Year-error")]
    [InlineData("year=-2026", "Year-error")]
    [InlineData("sector=Health", "Sector-error")]
    [InlineData("sector=1", "Sector-error")]
    [InlineData("year=2026&sector=%3Cscript%3E", "Sector-error")]
    [InlineData("map=pie", "error-summary")]
    public async Task A_bad_filter_answers_400_with_a_message_next_to_its_field_and_no_figures(string query, string message)
    {
        var (status, html) = await GetAsync("/statistics?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("data-testid=\"error-summary\"", html);
        Assert.Matches($"id=\"{message}\"[^>]*>[^<]*\\S", html);
        Assert.DoesNotContain("data-testid=\"key-figures\"", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Theory]
    [InlineData("", "/solutions?province=")]
    [InlineData("?map=value", "/awards?province=")]
    public async Task The_map_has_each_of_the_77_provinces_once_with_its_name_figure_and_list(string query, string link)
    {
        var (status, html) = await GetAsync("/statistics" + query);
        var codes = await QueryDbAsync(db => db.Provinces.Select(p => p.Code).ToListAsync());
        var map = Section(html, "province-map", "</svg>");

        Assert.Equal(HttpStatusCode.OK, status);
        var onMap = ProvinceAttribute().Matches(map).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(77, onMap.Count);
        Assert.Equal(77, onMap.Distinct().Count());
        Assert.Equal(codes.Order(), onMap.Order());
        Assert.Contains("TH-38", onMap);
        Assert.Contains("<title>กรุงเทพมหานคร: ", map);
        Assert.Equal(77, Regex.Matches(map, $"<a href=\"{Regex.Escape(link)}TH-\\d\\d").Count);
        Assert.Equal(77, Regex.Matches(Section(html, "table-provinces"), "data-province-row=").Count);
        Assert.Contains("data-testid=\"map-legend\"", html);
    }

    [Fact]
    public async Task The_statistics_page_is_in_the_navigation_and_in_English_too()
    {
        using var visitor = Visitor.For(factory);
        var (_, home) = await visitor.GetAsync("/");
        using var switched = await visitor.Http.PostAsync("/language?culture=en-US&returnUrl=%2Fstatistics", null);
        var (status, english) = await visitor.GetAsync("/statistics");

        Assert.Contains("href=\"/statistics\" data-testid=\"nav-statistics\"", home);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Value awarded by agency", english);
        Assert.Contains("<html lang=\"en\">", english);
    }

    [Theory]
    [InlineData("/solutions/health-record-wallet")]
    [InlineData("/vendors/siam-health-link")]
    [InlineData("/challenges/pcd-pm25-sensors")]
    [InlineData("/awards")]
    [InlineData("/statistics?year=2026&sector=GovTech")]
    public async Task Shared_links_preview_with_a_title_description_and_picture_at_the_public_address(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        var tags = MetaTag().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(EmailTests.PublicBaseUrl + path, tags["og:url"]);
        Assert.StartsWith(EmailTests.PublicBaseUrl + "/", tags["og:image"]);
        Assert.False(string.IsNullOrWhiteSpace(tags["og:title"]));
        Assert.True(tags["og:description"].Length > 20, tags["og:description"]);
        Assert.Equal(tags["og:title"], tags["twitter:title"]);
        Assert.Contains(tags["twitter:card"], new[] { "summary", "summary_large_image" });
        Assert.Equal("website", tags["og:type"]);
    }

    [Fact]
    public async Task A_preview_names_the_thing_shared_and_the_default_picture_is_served()
    {
        var (_, listing) = await GetAsync("/solutions/health-record-wallet");
        var (_, awards) = await GetAsync("/awards");
        var (_, home) = await GetAsync("/");
        using var visitor = Visitor.For(factory);
        using var picture = await visitor.Http.GetAsync("/img/link-preview.png");
        var title = await QueryDbAsync(db => db.Listings.Where(l => l.Slug == "health-record-wallet").Select(l => l.LiveTitleTh).SingleAsync());

        Assert.Contains($"<meta property=\"og:title\" content=\"{title}\"", listing);
        Assert.Contains("ทุกการตัดสินผลของโจทย์นวัตกรรมภาครัฐ", awards);
        Assert.Contains("<meta property=\"og:description\" content=\"ตลาดกลางนวัตกรรมภาครัฐ", home);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_link_a_print_stylesheet_that_hides_navigation_and_forms()
    {
        var (_, html) = await GetAsync("/statistics");
        using var visitor = Visitor.For(factory);
        var css = await visitor.Http.GetStringAsync("/css/print.css");

        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/print[.a-z0-9]*\\.css\"", html);
        Assert.Contains("@media print", css);
        Assert.Matches(@"\.site-header,[^{]*form[^{]*\{ display: none", css);
    }

    /// <summary>The page from an element's test id up to the end marker that closes it (a table by default).</summary>
    private static string Section(string html, string testId, string end = "</table>")
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} on the page");
        return html[start..html.IndexOf(end, start, StringComparison.Ordinal)];
    }

    /// <summary>The whole numbers shown in the value cells (or the key figure), separators removed.</summary>
    private static List<long> Figures(string section) =>
        FigureText().Matches(section).Select(m => long.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("(?:data-testid=\"value\">|class=\"key-figure-value\"[^>]*>)\\s*(?:<a [^>]*>)?([0-9,]+)")]
    private static partial Regex FigureText();

    [GeneratedRegex(@"\d+ จาก (\d+) รางวัล")]
    private static partial Regex FlagShare();

    [GeneratedRegex("data-province=\"(TH-\\d\\d)\"")]
    private static partial Regex ProvinceAttribute();

    [GeneratedRegex("<meta (?:property|name)=\"((?:og|twitter):[a-z_]+)\" content=\"([^\"]*)\"")]
    private static partial Regex MetaTag();
}
