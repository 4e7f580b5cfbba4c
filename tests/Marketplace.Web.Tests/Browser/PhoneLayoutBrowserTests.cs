using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>Search on a phone: results on the first screen, filters behind a button, targets a thumb can hit.</summary>
public sealed class PhoneLayoutBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int PhoneHeight = 844;

    [Fact]
    public async Task On_a_390x844_phone_the_first_result_starts_on_the_first_screen_and_the_filters_open_and_close()
    {
        var page = await fixture.NewPageAsync(viewport: new() { Width = 390, Height = PhoneHeight });
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("ข้อมูลสุขภาพ"));

        var first = await page.Locator("[data-testid=result]").First.BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.True(first.Y + 40 < PhoneHeight, $"the first result starts at {first.Y} px on a {PhoneHeight} px screen");
        Assert.False(await page.IsVisibleAsync("[data-testid=facet-sector]"));
        Assert.False(await page.IsVisibleAsync("[data-testid=main-nav]"));
        await page.CheckAsync(fixture, "phone-search-closed");

        await page.ClickAsync("[data-testid=filter-toggle]");
        Assert.True(await page.IsVisibleAsync("[data-testid=facet-sector]"));
        var facet = await page.Locator("[data-testid=facet-sector] a").First.BoundingBoxAsync();
        Assert.True(facet!.Height >= 44, $"a filter link is {facet.Height} px tall");
        await page.CheckAsync(fixture, "phone-search-filters-open");
        await page.ClickAsync("[data-testid=filter-toggle]");
        Assert.False(await page.IsVisibleAsync("[data-testid=facet-sector]"));

        await page.ClickAsync("[data-testid=filter-toggle]");
        await page.ClickAsync("[data-testid=facet-sector] a >> nth=0");
        await page.WaitForURLAsync(url => url.Contains("sector=", StringComparison.Ordinal));
        Assert.Equal("1", await page.InnerTextAsync("[data-testid=active-filter-count]"));
        await page.ClickAsync("[data-testid=filter-toggle]");
        await page.ClickAsync("[data-testid=clear-filters]");
        await page.WaitForURLAsync(url => !url.Contains("sector=", StringComparison.Ordinal));
        Assert.Contains("q=", page.Url);

        var menu = page.Locator("[data-testid=menu-button]");
        Assert.True((await menu.BoundingBoxAsync())!.Height >= 44);
        await menu.ClickAsync();
        Assert.True(await page.IsVisibleAsync("[data-testid=main-nav]"));
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        await page.CheckAsync(fixture, "phone-menu-open");
    }

    [Fact]
    public async Task On_a_desktop_the_filters_stay_beside_the_results_and_the_menu_is_always_shown()
    {
        var page = await fixture.NewPageAsync(viewport: new() { Width = 1280, Height = 900 });
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("ข้อมูลสุขภาพ"));

        Assert.True(await page.IsVisibleAsync("[data-testid=facet-sector]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=main-nav]"));
        Assert.False(await page.IsVisibleAsync("[data-testid=menu-button]"));
        var facets = await page.Locator("[data-testid=facets]").BoundingBoxAsync();
        var first = await page.Locator("[data-testid=result]").First.BoundingBoxAsync();
        Assert.True(facets!.X + facets.Width <= first!.X, "the filters sit to the left of the results");
        await page.CheckAsync(fixture, "desktop-search");
    }

    [Fact]
    public async Task The_audit_trail_scrolls_inside_a_focusable_region_on_a_phone()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("moderator@demo.govtech.example");
        await page.GotoAsync("/moderation/audit");
        Assert.Equal("0", await page.GetAttributeAsync("[data-testid=audit-region]", "tabindex"));
        await page.CheckAsync(fixture, "phone-audit");
    }
}
