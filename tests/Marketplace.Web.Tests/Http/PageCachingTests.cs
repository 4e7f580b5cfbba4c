using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>Anonymous public pages come from the output cache, and never a stale or someone else's page.</summary>
public sealed partial class PageCachingTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private const string Vendor = "vendor@demo.govtech.example";
    private const string Moderator = "moderator@demo.govtech.example";
    private const string Admin = "admin@demo.govtech.example";

    /// <summary>A browser's first visit: no cookies at all.</summary>
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string url, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    // The output cache answers with the entry's age; a freshly rendered page has none.
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static int ResultCount(string html) =>
        int.Parse(ResultCountPattern().Match(html).Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_anonymous_search_is_served_from_the_cache_the_second_time_and_each_language_has_its_own_page()
    {
        await ChangeLogAppliedAsync();
        using var client = Anonymous();
        var url = "/search?q=" + Uri.EscapeDataString("น้ำ") + "&sort=Newest";

        var (first, thai) = await GetAsync(client, url);
        var (second, thaiAgain) = await GetAsync(client, url);
        var (english, englishPage) = await GetAsync(client, url, ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var (englishAgain, _) = await GetAsync(client, url, ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(FromCache(first));
        Assert.True(FromCache(second));
        Assert.Equal(thai, thaiAgain);
        Assert.Contains("lang=\"th", thai);
        Assert.False(FromCache(english));
        Assert.Contains("lang=\"en", englishPage);
        Assert.True(FromCache(englishAgain));
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_the_cached_anonymous_page_nor_has_theirs_cached()
    {
        await ChangeLogAppliedAsync();
        using var client = Anonymous();
        const string url = "/search?q=water&sort=Name";
        await GetAsync(client, url);
        Assert.True(FromCache((await GetAsync(client, url)).Response));

        using var buyer = Visitor.For(factory);
        await buyer.SignInAsync("buyer@demo.govtech.example");
        using var mine = await buyer.Http.GetAsync(url);
        using var again = await buyer.Http.GetAsync(url);
        var html = await again.Content.ReadAsStringAsync();

        Assert.False(FromCache(mine));
        Assert.False(FromCache(again));
        Assert.Contains("action=\"/account/logout\"", html);
        // Nor does the anonymous page ever carry a signed-in menu.
        Assert.DoesNotContain("/account/logout", (await GetAsync(client, url)).Html);
    }

    [Fact]
    public async Task An_approved_listing_appears_on_the_cached_search_page_within_two_seconds()
    {
        var word = "ปะการังเทียม" + Guid.NewGuid().ToString("N")[..6];
        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync(Vendor);
        var id = await CreateAndSubmitAsync(vendor, word);
        using var client = Anonymous();
        var url = "/search?q=" + Uri.EscapeDataString(word);
        await ChangeLogAppliedAsync();
        Assert.Equal(0, ResultCount((await GetAsync(client, url)).Html));
        var (cached, cachedHtml) = await GetAsync(client, url);
        Assert.True(FromCache(cached));
        Assert.Equal(0, ResultCount(cachedHtml));

        using var moderator = Visitor.For(factory);
        await moderator.SignInAsync(Moderator);
        using (var approved = await moderator.PostFormAsync($"/moderation/listings/{id}", new Dictionary<string, string> { ["Decision.Decision"] = "Approve" }))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var clock = Stopwatch.StartNew();
        var found = 0;
        while (found == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            found = ResultCount((await GetAsync(client, url)).Html);
            if (found == 0)
                await Task.Delay(50);
        }

        Assert.Equal(1, found);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"visible after {clock.Elapsed.TotalMilliseconds:F0} ms");
        await ChangeLogAppliedAsync();
    }

    [Fact]
    public async Task A_reworded_category_shows_at_once_on_a_cached_search_page()
    {
        await ChangeLogAppliedAsync();
        using var client = Anonymous();
        const string url = "/solutions?sort=Newest";
        await GetAsync(client, url);
        Assert.True(FromCache((await GetAsync(client, url)).Response));
        var name = "หมวดทดสอบ " + Guid.NewGuid().ToString("N")[..6];

        using var admin = Visitor.For(factory);
        await admin.SignInAsync(Admin);
        using var saved = await admin.PostFormAsync("/admin/taxonomy", new Dictionary<string, string>
        {
            ["Input.Number"] = "4",
            ["Input.NameTh"] = name,
            ["Input.NameEn"] = "Community data",
            ["Input.DescriptionTh"] = "ข้อมูลน้ำ อากาศ และทรัพยากรธรรมชาติ",
            ["Input.DescriptionEn"] = "Water, air and natural resources",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (after, html) = await GetAsync(client, url);
        Assert.False(FromCache(after));
        Assert.Contains(name, html);
        await ChangeLogAppliedAsync();
    }

    /// <summary>
    /// A change saved here moves the page versions at once and again when this instance's index applies the change
    /// log a moment later. Every test that expects a second request to be a cache hit applies it first (and the tests
    /// that change something apply it before they end), so that second move cannot fall between its two requests.
    /// </summary>
    private Task ChangeLogAppliedAsync() => factory.Services.GetRequiredService<SearchIndexHost>().CatchUpAsync(CancellationToken.None);

    [Fact]
    public async Task The_home_page_is_cached_and_shows_a_reworded_category_at_once()
    {
        await ChangeLogAppliedAsync();
        using var client = Anonymous();
        await GetAsync(client, "/");
        Assert.True(FromCache((await GetAsync(client, "/")).Response));
        var name = "หมวดหน้าแรก " + Guid.NewGuid().ToString("N")[..6];

        using var admin = Visitor.For(factory);
        await admin.SignInAsync(Admin);
        using var saved = await admin.PostFormAsync("/admin/taxonomy", new Dictionary<string, string>
        {
            ["Input.Number"] = "5",
            ["Input.NameTh"] = name,
            ["Input.NameEn"] = "Learning",
            ["Input.DescriptionTh"] = "การเรียนรู้และทักษะ",
            ["Input.DescriptionEn"] = "Learning and skills",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (after, html) = await GetAsync(client, "/");
        Assert.False(FromCache(after));
        Assert.Contains(name, html);
        // A signed-in person's home page (their menu) is neither served from nor stored in the cache.
        using var mine = await admin.Http.GetAsync("/");
        Assert.False(FromCache(mine));
        Assert.Contains("/account/logout", await mine.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/account/logout", (await GetAsync(client, "/")).Html);
        await ChangeLogAppliedAsync();
    }

    [Fact]
    public async Task Text_responses_are_compressed_for_anonymous_visitors()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/solutions?q=water");
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }

    private static async Task<int> CreateAndSubmitAsync(Visitor vendor, string title)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Listing.TitleTh"] = title,
            ["Input.Listing.SummaryTh"] = "ปะการังเทียมช่วยฟื้นฟูแนวปะการังและแหล่งอาศัยของสัตว์น้ำชายฝั่ง",
            ["Input.Listing.DescriptionTh"] = string.Concat(Enumerable.Repeat("ชุมชนชายฝั่งวางปะการังเทียมและติดตามสัตว์น้ำที่กลับมาอาศัย ", 4)),
            ["Input.Listing.Sector"] = "CivilTech",
            ["Input.Listing.PrimaryCategory"] = "4",
            ["Input.Listing.Provinces"] = "TH-83",
            ["Input.Listing.Maturity"] = "Pilot",
            ["Input.Listing.PricingModel"] = "OneOff",
            ["Input.Listing.PriceBaht"] = "50,000",
        };
        using var created = await vendor.PostFormAsync("/vendor/listings/edit", fields, "/vendor/listings/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(EditUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var submitted = await vendor.PostFormAsync($"/vendor/listings/edit/{id}", new Dictionary<string, string>(), $"/vendor/listings/edit/{id}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return id;
    }

    [GeneratedRegex(@"/vendor/listings/edit/(\d+)")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"data-testid=""result-count""[^>]*>\D*([\d,]+)")]
    private static partial Regex ResultCountPattern();
}
