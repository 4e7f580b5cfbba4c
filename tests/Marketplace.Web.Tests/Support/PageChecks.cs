using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Support;

public static class PageChecks
{
    /// <summary>Saves a full-page screenshot under the test output and fails on serious or critical axe violations.</summary>
    public static async Task CheckAsync(this IPage page, BrowserFixture fixture, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotFolder, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(blocking.Count == 0, $"axe on {name}:\n" + string.Join("\n", blocking));
    }

    /// <summary>On a phone the navigation waits behind the menu button; opens it when it is closed.</summary>
    public static async Task OpenMenuAsync(this IPage page)
    {
        var button = page.Locator("[data-testid=menu-button]");
        if (await button.IsVisibleAsync() && await button.GetAttributeAsync("aria-expanded") != "true")
            await button.ClickAsync();
    }

    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Visitor.DemoPassword);
        await page.ClickAsync("[data-testid=login-form] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
