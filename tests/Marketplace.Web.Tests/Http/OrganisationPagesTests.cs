using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>An agency's and a vendor's public pages show their awards and purchases with the registers' totals.</summary>
public sealed partial class OrganisationPagesTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        return await visitor.GetAsync(url);
    }

    private static List<string> Awards(string html) => AwardRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private async Task<JsonElement> PurchaseOfAsync(string agency)
    {
        var (_, json) = await GetAsync("/api/purchases?pageSize=100");
        return JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("agency").GetProperty("slug").GetString() == agency);
    }

    [Fact]
    public async Task An_agency_page_shows_its_profile_challenges_awards_with_winners_and_purchases_with_totals()
    {
        var purchase = await PurchaseOfAsync("nhso");

        var (status, html) = await GetAsync("/agencies/nhso");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("สำนักงานหลักประกันสุขภาพแห่งชาติ", html);
        Assert.Equal(["nhso-elderly-home-care", "nhso-mobile-claims"], Awards(html));
        Assert.Contains("การมอบงาน 2 รายการ มูลค่ารวม 21,750,000 บาท", html);
        Assert.Contains("href=\"/vendors/siam-health-link\"", html);
        Assert.Contains("href=\"/awards?agency=nhso\"", html);
        Assert.Contains("data-challenge=\"nhso-mobile-claims\"", html[html.IndexOf("data-testid=\"agency-challenges\"", StringComparison.Ordinal)..]);
        Assert.Contains($"data-order=\"{purchase.GetProperty("order").GetString()}\"", html);
        Assert.Contains($"href=\"/vendors/{purchase.GetProperty("vendor").GetProperty("slug").GetString()}\"", html);
        Assert.Contains("การซื้อที่ชำระแล้ว 1 รายการ", html);
    }

    [Fact]
    public async Task An_agency_with_neither_awards_nor_purchases_says_so_with_zero_totals()
    {
        var (status, html) = await GetAsync("/agencies/oag");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Awards(html));
        Assert.Contains("การมอบงาน 0 รายการ มูลค่ารวม 0 บาท", html);
        Assert.Contains("การซื้อที่ชำระแล้ว 0 รายการ", html);
    }

    [Theory]
    [InlineData("/agencies/no-such-agency")]
    [InlineData("/agencies/siam-health-link")]
    public async Task Only_an_agency_has_an_agency_page(string url)
    {
        var (status, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_vendor_page_shows_the_awards_it_won_with_the_agencies_and_what_it_sold()
    {
        var (_, html) = await GetAsync("/vendors/siam-health-link");

        Assert.Equal(["nhso-elderly-home-care", "nhso-mobile-claims"], Awards(html));
        Assert.Contains("href=\"/agencies/nhso\"", html);
        Assert.Contains("มูลค่ารวม 21,750,000 บาท", html);
        Assert.Contains("href=\"/awards?vendor=siam-health-link\"", html);

        var purchase = await PurchaseOfAsync("dga");
        var vendor = purchase.GetProperty("vendor").GetProperty("slug").GetString();
        var (_, sellerPage) = await GetAsync($"/vendors/{vendor}");
        Assert.Contains($"data-order=\"{purchase.GetProperty("order").GetString()}\"", sellerPage);
        Assert.Contains("href=\"/agencies/dga\"", sellerPage);
    }

    [Fact]
    public async Task The_agency_page_works_in_English()
    {
        using var visitor = Visitor.For(factory);
        (await visitor.Http.PostAsync("/language?culture=en-US&returnUrl=%2F", null)).Dispose();
        var (_, html) = await visitor.GetAsync("/agencies/nhso");

        Assert.Contains("National Health Security Office", html);
        Assert.Contains("2 awards", html);
        Assert.Contains("THB 21,750,000", html);
    }

    [GeneratedRegex("data-testid=\"organisation-award\" data-challenge=\"([^\"]+)\"")]
    private static partial Regex AwardRow();
}
