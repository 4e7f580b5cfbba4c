using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Marketplace.Web.Tests.Ocds;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>The award register and the open data (issue 5, items 6 and 7) over the seeded challenges.</summary>
public sealed class TransparencyTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private static readonly string[] Unpublished = ["dga-digital-id-kiosk", "dla-local-tax-maps"];

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OCDS_release_package_validates_against_the_OCDS_1_1_release_package_schema()
    {
        var (status, contentType, body) = await GetAsync("/api/ocds/releases");
        var schema = await OcdsSchema.ReleasePackageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        Assert.Empty(schema.Validate(body).Select(e => e.ToString()));
        var releases = JsonNode.Parse(body)!["releases"]!.AsArray();
        // 16 tender and award releases (each award release with its contracts), and a contract release for each of the 4 paid sample orders.
        Assert.Equal(20, releases.Count);
        Assert.Equal(8, releases.Count(r => r!["tag"]!.AsArray().Any(t => (string?)t == "contract")));
        Assert.Contains("กรมควบคุมมลพิษ", body);
    }

    [Fact]
    public async Task The_OCDS_package_is_written_as_it_is_read_and_a_reader_that_leaves_early_spoils_no_cached_copy()
    {
        // An anonymous reader who drops the connection after the first bytes: the cache must not keep a cut package.
        using (var leaving = Visitor.For(factory))
        using (var response = await leaving.Http.GetAsync("/api/ocds/releases", HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[16]);
        }
        using var signedIn = Visitor.For(factory);
        await signedIn.SignInAsync("buyer@demo.govtech.example");
        using var streamed = await signedIn.Http.GetAsync("/api/ocds/releases", HttpCompletionOption.ResponseHeadersRead);
        var length = streamed.Content.Headers.ContentLength;
        var bytes = await streamed.Content.ReadAsByteArrayAsync();
        using var anonymous = Visitor.For(factory);
        var cached = await anonymous.Http.GetByteArrayAsync("/api/ocds/releases");

        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Equal("application/json", streamed.Content.Headers.ContentType?.MediaType);
        Assert.Null(length);
        Assert.Equal(20, JsonNode.Parse(bytes)!["releases"]!.AsArray().Count);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(cached));
    }

    [Fact]
    public async Task The_schema_check_has_teeth_a_release_that_breaks_the_release_schema_fails_it()
    {
        var (_, _, body) = await GetAsync("/api/ocds/releases");
        var package = JsonNode.Parse(body)!;
        package["releases"]![0]!["tender"]!["status"] = "open";
        package["releases"]![1]!.AsObject().Remove("date");

        // ToString() includes the nested errors found inside each release, i.e. by the release schema resolved locally.
        var report = string.Join("\n", (await OcdsSchema.ReleasePackageAsync()).Validate(package.ToJsonString()));

        Assert.Contains("NotInEnumeration: #/releases[0].tender.status", report);
        Assert.Contains("PropertyRequired: #/releases[1].date", report);
    }

    [Fact]
    public async Task The_CSV_registers_go_out_as_they_are_written_and_read_the_same_as_the_cached_copy()
    {
        using var signedIn = Visitor.For(factory);
        await signedIn.SignInAsync("buyer@demo.govtech.example");
        foreach (var path in new[] { "/awards.csv", "/purchases.csv" })
        {
            // A signed-in reader is never served from the cache: this response is written as the rows are.
            using var streamed = await signedIn.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
            var length = streamed.Content.Headers.ContentLength;
            var bytes = await streamed.Content.ReadAsByteArrayAsync();
            using var anonymous = Visitor.For(factory);
            var cached = await anonymous.Http.GetByteArrayAsync(path);

            Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
            Assert.Null(length);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.True(bytes.Length > 200, $"{path} is {bytes.Length} bytes");
            Assert.Equal(cached, bytes);
        }
    }

    [Fact]
    public async Task The_CSV_opens_with_the_documented_columns_and_Thai_text_intact_in_UTF8_with_a_byte_order_mark()
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync("/awards.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("awards.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("agency,challenge,vendor,value_thb,award_date,proposals,window_days,red_flags\r\n", text);

        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, rows.Count);
        var pcd = rows.Single(r => (string)r["agency"] == "กรมควบคุมมลพิษ");
        Assert.Equal("บริษัท ฟ้าใส แอร์ จำกัด", pcd["vendor"]);
        Assert.Equal("7900000.00", pcd["value_thb"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)pcd["award_date"]);
        Assert.Equal("1", pcd["proposals"]);
        Assert.Equal("single_proposal", pcd["red_flags"]);
        Assert.Equal("short_window", rows.Single(r => (string)r["agency"] == "เทศบาลนครขอนแก่น")["red_flags"]);
        Assert.All(rows.Where(r => (string)r["agency"] == "สำนักงานหลักประกันสุขภาพแห่งชาติ"),
            r => Assert.Equal("repeat_winner", r["red_flags"]));
    }

    [Fact]
    public async Task The_challenges_api_never_lists_drafts_or_challenges_awaiting_moderation_whatever_the_status()
    {
        foreach (var query in new[] { "", "status=published", "status=closed", "status=evaluating", "status=awarded", "status=cancelled" })
        {
            var (status, _, body) = await GetAsync("/api/challenges?pageSize=100&" + query);
            var json = JsonDocument.Parse(body).RootElement;

            Assert.Equal(HttpStatusCode.OK, status);
            var slugs = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
            Assert.DoesNotContain(slugs, Unpublished.Contains);
            if (query == "")
                Assert.Equal(12, json.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_status_filter_returns_challenges_in_that_state_with_the_documented_shape()
    {
        var (_, _, body) = await GetAsync("/api/challenges?status=awarded");
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal("awarded", i.GetProperty("status").GetString()));
        var pcd = items.Single(i => i.GetProperty("slug").GetString() == "pcd-pm25-sensors");
        Assert.Equal("กรมควบคุมมลพิษ", pcd.GetProperty("agency").GetProperty("th").GetString());
        Assert.Equal("THB", pcd.GetProperty("budget").GetProperty("currency").GetString());
        foreach (var property in new[] { "id", "url", "title", "sector", "category", "provinces", "publishedAt", "proposalsDeadline", "awardedAt" })
            Assert.True(pcd.TryGetProperty(property, out _), $"missing {property}");
    }

    [Theory]
    [InlineData("status=draft", "status")]
    [InlineData("status=submitted", "status")]
    [InlineData("status=open", "status")]
    [InlineData("status=1", "status")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task The_challenges_api_answers_400_with_a_problem_description_for_an_unknown_status(string query, string parameter)
    {
        var (status, contentType, body) = await GetAsync("/api/challenges?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_awards_api_lists_the_register_with_red_flags_in_both_languages()
    {
        var (status, _, body) = await GetAsync("/api/awards");
        var json = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, json.GetProperty("total").GetInt32());
        var pcd = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("challenge").GetProperty("slug").GetString() == "pcd-pm25-sensors");
        Assert.Equal(7_900_000m, pcd.GetProperty("valueThb").GetDecimal());
        Assert.Equal(1, pcd.GetProperty("proposals").GetInt32());
        Assert.Equal(40, pcd.GetProperty("windowDays").GetInt32());
        var flag = pcd.GetProperty("redFlags")[0];
        Assert.Equal("single_proposal", flag.GetProperty("code").GetString());
        Assert.StartsWith("มีผู้ยื่นข้อเสนอ", flag.GetProperty("explanation").GetProperty("th").GetString());
        Assert.StartsWith("Only one proposal", flag.GetProperty("explanation").GetProperty("en").GetString());
    }

    [Fact]
    public async Task The_award_register_page_shows_each_red_flag_beside_its_award_with_an_explanation()
    {
        var (status, _, thai) = await GetAsync("/awards");
        var (_, _, english) = await GetAsync("/awards?culture=en-US");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ทะเบียนการมอบงาน", thai);
        Assert.Contains("มีผู้ยื่นข้อเสนอเพียงรายเดียว", thai);
        Assert.Contains("เปิดรับข้อเสนอเพียง 20 วัน", thai);
        Assert.Contains("ได้รับงานจากสำนักงานหลักประกันสุขภาพแห่งชาติมาแล้ว 2 ครั้ง", thai);
        Assert.Contains("Award register", english);
        Assert.Contains("Only one proposal was received", english);
        Assert.Contains("Proposals were open for only 20 days", english);
        Assert.Contains("has won 2 awards from National Health Security Office", english);
        Assert.Contains("7,900,000", english);
        foreach (var (slug, flag) in new[] { ("pcd-pm25-sensors", "single_proposal"), ("khonkaen-city-smart-bus", "short_window"),
                     ("nhso-mobile-claims", "repeat_winner"), ("nhso-elderly-home-care", "repeat_winner") })
        {
            var row = RowOf(thai, slug);
            Assert.Contains($"data-flag=\"{flag}\"", row);
        }
        Assert.Contains("href=\"/awards.csv\"", thai);
    }

    [Fact]
    public async Task A_page_past_the_end_of_the_register_says_so_and_links_back_to_the_first()
    {
        var (status, _, html) = await GetAsync("/awards?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("data-testid=\"award\"", html);
        Assert.Contains("data-testid=\"past-the-end\"", html);
        Assert.Contains("href=\"/awards\"", html);
    }

    private static string RowOf(string html, string slug)
    {
        var start = html.IndexOf($"data-challenge=\"{slug}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {slug}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
