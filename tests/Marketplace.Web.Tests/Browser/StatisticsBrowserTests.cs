using Deque.AxeCore.Playwright;
using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>/statistics in Chromium on a phone and a desktop: no accessibility violations at all, and the no-script switches work.</summary>
public sealed class StatisticsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_statistics_have_no_axe_violations_and_the_filters_and_map_switch_work_without_script()
    {
        var page = await fixture.NewPageAsync(viewport: new() { Width = 390, Height = 844 });
        await page.GotoAsync("/statistics");
        await NoViolationsAsync(page, "phone-statistics");
        var chartWidth = (await page.Locator("[data-testid=chart-listings-by-sector] svg").BoundingBoxAsync())!.Width;
        Assert.True(chartWidth <= 390, $"a chart is {chartWidth} px wide on a 390 px phone");

        await page.SelectOptionAsync("#Sector", "GovTech");
        await page.ClickAsync("[data-testid=statistics-filters] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("sector=GovTech", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=map-switch] a >> nth=1");
        await page.WaitForURLAsync(url => url.Contains("map=value", StringComparison.Ordinal) && url.Contains("sector=GovTech", StringComparison.Ordinal));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=map-switch] a >> nth=1", "aria-current"));
        Assert.Equal(77, await page.Locator("[data-testid=province-map] [data-province]").CountAsync());
        await NoViolationsAsync(page, "phone-statistics-value-map");
    }

    [Fact]
    public async Task On_a_desktop_in_English_the_statistics_have_no_axe_violations_and_a_province_links_to_its_list()
    {
        var page = await fixture.NewPageAsync(locale: "en-US", viewport: new() { Width = 1280, Height = 900 });
        await page.GotoAsync("/statistics");
        await page.ClickAsync("[data-testid=language-switch]");
        await page.WaitForSelectorAsync("html[lang=en]");
        await NoViolationsAsync(page, "desktop-statistics-en");

        await page.Locator("[data-testid=province-map] [data-province=TH-10]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("province=TH-10", StringComparison.Ordinal));
        Assert.Contains("/solutions", page.Url);
    }

    /// <summary>Stricter than the suite's usual check: minor and moderate findings fail too.</summary>
    private async Task NoViolationsAsync(IPage page, string name)
    {
        await page.CheckAsync(fixture, name);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, $"axe on {name}:\n" + string.Join("\n",
            result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
