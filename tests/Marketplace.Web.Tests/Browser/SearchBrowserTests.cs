using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_searches_in_Thai_narrows_by_a_facet_and_opens_a_result()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#header-q", "ข้อมูลสุขภาพ");
        await page.PressAsync("#header-q", "Enter");
        await page.WaitForURLAsync(url => url.Contains("/search", StringComparison.Ordinal));

        var total = await page.InnerTextAsync("[data-testid=result-count]");
        Assert.True(await page.Locator("[data-testid=result] mark").CountAsync() > 0);
        await page.CheckAsync(fixture, "search-th");

        await page.ClickAsync("[data-testid=filter-toggle]");
        await page.ClickAsync("[data-testid=facet-sector] a >> nth=0");
        await page.WaitForURLAsync(url => url.Contains("sector=", StringComparison.Ordinal));
        Assert.True(Count(await page.InnerTextAsync("[data-testid=result-count]")) <= Count(total));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=facet-sector] a[aria-current=true]", "aria-current"));
        await page.CheckAsync(fixture, "search-th-filtered");

        var title = await page.InnerTextAsync("[data-testid=result] h2 a >> nth=0");
        await page.ClickAsync("[data-testid=result] h2 a >> nth=0");
        await page.WaitForSelectorAsync("[data-testid=listing-title]");
        Assert.Equal(title, await page.InnerTextAsync("[data-testid=listing-title]"));
        await page.CheckAsync(fixture, "search-result-opened");
    }

    private static int Count(string text) => int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()));

    [Fact]
    public async Task A_visitor_searches_in_English_with_a_typo_and_gets_results()
    {
        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync("/search?q=water+qualty&culture=en-US");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.Locator("[data-testid=result]").CountAsync() > 0);
        await page.CheckAsync(fixture, "search-en");
    }
}
