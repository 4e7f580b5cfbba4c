using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// The site on a real Kestrel port and Debian's Chromium driven by Playwright. Outside CI the browser tests
/// skip with a reason when no Chromium is installed; in CI (CI=true) a missing Chromium fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MarketplaceFactory Site { get; } = new();
    public IBrowser? Chromium { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            return;
        Site.UseKestrel(0);
        Site.StartServer();
        BaseUrl = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies), or a skip/fail when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null, ViewportSize? viewport = null)
    {
        if (Chromium is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"Chromium is required in CI but {ChromiumPath} is missing: .ci/run installs it");
            Assert.Skip($"Browser tests need Chromium at {ChromiumPath} (apt-get install -y chromium fonts-thai-tlwg)");
        }
        var context = await Chromium!.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale ?? "th-TH", ViewportSize = viewport ?? new() { Width = 390, Height = 844 } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
            await Chromium.DisposeAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
