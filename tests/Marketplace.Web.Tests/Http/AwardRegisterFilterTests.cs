using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// The award register's filters on /awards, /api/awards and /awards.csv over the seeded awards (see
/// Marketplace.Core.Tests' AwardFilterTests for what each seeded award is): one parser, the same selection, the same
/// totals, and every bad value answered with a message naming the field, never a 500.
/// </summary>
public sealed partial class AwardRegisterFilterTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static List<string> RowsOf(string html) => AwardRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData("province=TH-40", new[] { "nhso-elderly-home-care", "khonkaen-city-smart-bus" }, "9,550,000 บาท")]
    [InlineData("agency=nhso&province=TH-40", new[] { "nhso-elderly-home-care" }, "4,950,000 บาท")]
    [InlineData("vendor=siam-health-link&sort=value_asc", new[] { "nhso-elderly-home-care", "nhso-mobile-claims" }, "21,750,000 บาท")]
    [InlineData("category=easier-life", new[] { "khonkaen-city-smart-bus" }, "4,600,000 บาท")]
    [InlineData("category=4&flag=SingleProposal", new[] { "pcd-pm25-sensors" }, "7,900,000 บาท")]
    [InlineData("flag=ShortWindow", new[] { "khonkaen-city-smart-bus" }, "4,600,000 บาท")]
    [InlineData("flag=repeatwinner&sort=date_asc", new[] { "nhso-mobile-claims", "nhso-elderly-home-care" }, "21,750,000 บาท")]
    [InlineData("year=2001", new string[0], "0 บาท")]
    public async Task The_page_lists_what_the_filters_select_with_its_count_and_total_value_in_baht(string query, string[] expected, string total)
    {
        var (status, _, html) = await GetAsync("/awards?" + query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, RowsOf(html));
        Assert.Contains($"การมอบงาน {expected.Length} รายการ", html);
        Assert.Contains($"มูลค่ารวม {total}", html);
    }

    [Fact]
    public async Task The_category_slug_of_the_seeded_bus_award_is_the_one_the_test_uses()
    {
        // Guards the InlineData above: the category filter accepts the taxonomy's slug as search does.
        Assert.Equal("easier-life", Marketplace.Core.Domain.NiaCategory.ByNumber(2)!.Slug);
        var (_, _, byNumber) = await GetAsync("/awards?category=2");
        Assert.Equal(["khonkaen-city-smart-bus"], RowsOf(byNumber));
    }

    [Fact]
    public async Task The_year_filter_uses_the_Gregorian_year_in_the_URL_and_shows_it_in_the_Buddhist_era_in_Thai()
    {
        var (_, _, json) = await GetAsync("/api/awards?pageSize=100");
        var year = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => DateOnly.Parse(i.GetProperty("awardDate").GetString()!, CultureInfo.InvariantCulture).Year).Max();

        var (_, _, html) = await GetAsync($"/awards?year={year}");

        Assert.NotEmpty(RowsOf(html));
        Assert.Contains($"<option value=\"{year}\" selected=\"selected\">{year + 543}</option>", html);
    }

    [Fact]
    public async Task Paging_keeps_the_filters_and_the_totals_cover_every_page()
    {
        var (_, _, json) = await GetAsync("/api/awards?flag=RepeatWinner&pageSize=1&page=2");
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, root.GetProperty("total").GetInt32());
        Assert.Equal(21_750_000m, root.GetProperty("totalValueThb").GetDecimal());
        Assert.Equal("THB", root.GetProperty("currency").GetString());
        Assert.Single(root.GetProperty("items").EnumerateArray());

        var (_, _, html) = await GetAsync("/awards?flag=RepeatWinner&page=1");
        Assert.Contains("href=\"/awards.csv?flag=RepeatWinner\"", html);
        Assert.Contains("href=\"/api/awards?flag=RepeatWinner\"", html);
    }

    [Theory]
    [InlineData("agency=no-such-agency", "agency")]
    [InlineData("agency=siam-health-link", "agency")]
    [InlineData("vendor=nhso", "vendor")]
    [InlineData("category=7", "category")]
    [InlineData("category=robots", "category")]
    [InlineData("province=TH-99", "province")]
    [InlineData("province=Bangkok", "province")]
    [InlineData("year=2569", "year")]
    [InlineData("year=twenty", "year")]
    [InlineData("flag=Cheap", "flag")]
    [InlineData("flag=1", "flag")]
    [InlineData("sort=price", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task A_bad_value_is_a_400_problem_naming_the_parameter_in_the_API_and_the_CSV(string query, string parameter)
    {
        foreach (var path in new[] { "/api/awards", "/awards.csv" })
        {
            var (status, contentType, body) = await GetAsync($"{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", contentType);
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        }
    }

    [Theory]
    [InlineData("agency=no-such-agency", "agency", "ไม่พบหน่วยงานนี้")]
    [InlineData("vendor=nobody", "vendor", "ไม่พบผู้ประกอบการนี้")]
    [InlineData("category=robots", "category", "ประเภทต้องเป็น 1–6")]
    [InlineData("province=TH-99", "province", "TH-10")]
    [InlineData("year=2569", "year", "ปีคริสต์ศักราช")]
    [InlineData("flag=Cheap", "flag", "SingleProposal, ShortWindow, RepeatWinner")]
    [InlineData("sort=price", "sort", "date_desc")]
    public async Task On_the_page_a_bad_value_is_explained_next_to_its_field_and_nothing_is_listed(string query, string field, string message)
    {
        var (status, _, html) = await GetAsync("/awards?province=TH-40&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = Regex.Match(html, $"data-testid=\"problem-{field}\">([^<]*)<");
        Assert.True(problem.Success, $"no message next to {field}");
        Assert.Contains(message, WebUtility.HtmlDecode(problem.Groups[1].Value));
        Assert.Contains($"id=\"{field}\" name=\"{field}\"", html);
        Assert.Contains("aria-describedby=\"" + field + "-problem\"", html);
        Assert.Empty(RowsOf(html));
        Assert.Contains("data-testid=\"error-summary\"", html);
    }

    [Fact]
    public async Task The_CSV_honours_the_filters_and_the_sort()
    {
        using var visitor = Visitor.For(factory);
        var bytes = await visitor.Http.GetByteArrayAsync("/awards.csv?province=TH-40&sort=value_asc");
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(["เทศบาลนครขอนแก่น", "สำนักงานหลักประกันสุขภาพแห่งชาติ"], rows.Select(r => (string)r["agency"]));
        Assert.Equal(["4600000.00", "4950000.00"], rows.Select(r => (string)r["value_thb"]));
    }

    [Fact]
    public async Task The_register_links_agencies_and_vendors_to_their_public_pages()
    {
        var (_, _, html) = await GetAsync("/awards?agency=pcd");

        Assert.Contains("href=\"/agencies/pcd\"", html);
        Assert.Contains("href=\"/vendors/fah-sai-air\"", html);
    }

    [GeneratedRegex("data-testid=\"award\" data-challenge=\"([^\"]+)\"")]
    private static partial Regex AwardRow();
}
