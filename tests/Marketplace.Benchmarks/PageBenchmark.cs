extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Core.Data.Seeding;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Search;
using Marketplace.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>
/// The site's public pages under load, in this process on Kestrel, against a plaintext endpoint of the same server
/// (the framework's ceiling on this machine). Each page is driven twice: as an anonymous visitor (served from the
/// output cache after the first request) and with a cookie, which the cache refuses — the cost of rendering it.
/// The load comes from wrk when installed (out of process: the CPU and allocation figures are the server's alone),
/// else from HttpClient in this process (the figures then include the client's share; the report says which).
/// </summary>
internal static partial class PageBenchmark
{
    private const string Plaintext = "/plaintext";

    public static async Task RunAsync(int listings, TimeSpan duration, int connections, string output)
    {
        var folder = Path.Combine(Path.GetTempPath(), "marketplace-page-bench", Guid.NewGuid().ToString("N"));
        // WebApplicationFactory looks for the web project beside the solution file unless told where it is.
        var contentRoot = Path.Combine(BenchSite.RepositoryRoot, "src", "Marketplace.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", contentRoot);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_Marketplace_Web", contentRoot);
        using var site = new BenchSite(folder);
        site.UseKestrel(0);
        site.StartServer();
        var baseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var catalogue = ListingGenerator.Generate(listings);
        var (vendors, bulk) = ToBulk(catalogue.Listings);
        var memoryBefore = GC.GetTotalMemory(false);
        await BulkCatalogue.LoadAsync(site.Services.GetRequiredService<IServiceScopeFactory>(), vendors, bulk, DateTimeOffset.UtcNow);
        var loaded = clock.Elapsed;
        await site.Services.GetRequiredService<SearchIndexHost>().RebuildAsync(CancellationToken.None);
        Console.WriteLine($"Loaded {listings:N0} listings in {loaded.TotalSeconds:F1} s, index rebuilt at {clock.Elapsed.TotalSeconds:F1} s; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB");
        catalogue = null;
        bulk = [];
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var settled = Process.GetCurrentProcess().WorkingSet64;

        var slug = $"bench-{listings / 2}";
        var pages = new (string Name, string Path)[]
        {
            ("plaintext", Plaintext),
            ("home", "/"),
            ("search", "/search?q=" + Uri.EscapeDataString("ฝุ่น")),
            ("browse", "/solutions"),
            ("api search", "/api/solutions?q=" + Uri.EscapeDataString("water quality")),
            ("listing", $"/solutions/{slug}"),
            ("challenges", "/challenges"),
            ("awards", "/awards"),
        };
        var wrk = FindWrk();
        Console.WriteLine(wrk is null ? "Load: HttpClient in this process (wrk not installed)" : $"Load: {wrk}");
        var rows = new List<Row>();
        foreach (var (name, path) in pages)
        {
            foreach (var cached in path == Plaintext ? [true] : new[] { true, false })
            {
                // The cookie makes the page uncacheable, as for a visitor with a session.
                var cookie = cached ? null : "bench=1";
                await DriveAsync(wrk, baseUrl + path, cookie, connections, TimeSpan.FromSeconds(1)); // warm-up
                var row = await MeasureAsync(wrk, name + (path == Plaintext ? "" : cached ? " (cached)" : " (rendered)"), baseUrl + path, cookie, connections, duration);
                rows.Add(row);
                Console.WriteLine(row.Line(rows[0].PerSecond));
            }
        }

        var report = Report(rows, listings, duration, connections, wrk, loaded, settled, memoryBefore);
        Console.WriteLine();
        Console.WriteLine(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"Written to {Path.GetFullPath(output)}");
    }

    private static (List<BulkVendor>, List<BulkListing>) ToBulk(IReadOnlyList<SolutionDocument> documents)
    {
        var vendorIndex = new Dictionary<string, int>();
        var vendors = new List<BulkVendor>();
        var listings = new List<BulkListing>(documents.Count);
        foreach (var d in documents)
        {
            if (!vendorIndex.TryGetValue(d.VendorNameTh, out var vendor))
            {
                vendor = vendors.Count;
                vendorIndex[d.VendorNameTh] = vendor;
                vendors.Add(new BulkVendor($"bench-vendor-{vendor}", d.VendorNameTh, d.VendorNameEn ?? d.VendorNameTh, "TH-10"));
            }
            listings.Add(new BulkListing(vendor, $"bench-{d.Id}", new ListingContent
            {
                TitleTh = d.TitleTh,
                TitleEn = d.TitleEn,
                SummaryTh = d.SummaryTh,
                SummaryEn = d.SummaryEn,
                DescriptionTh = d.DescriptionTh,
                DescriptionEn = d.DescriptionEn,
                Sector = Enum.Parse<Sector>(d.Sector),
                PrimaryCategory = d.Categories.Count > 0 ? d.Categories[0] : 1,
                SecondaryCategories = d.Categories.Skip(1).ToList(),
                Tags = d.Tags,
                Provinces = d.Provinces,
                Maturity = Enum.Parse<Maturity>(d.Maturity),
                PricingModel = Enum.Parse<PricingModel>(d.PricingModel),
                PriceSatang = 100_000_00,
            }, d.PublishedAt));
        }
        return (vendors, listings);
    }

    private sealed record Row(string Page, double PerSecond, double P50, double P99, double CpuMsPerRequest, double BytesPerRequest, long Errors)
    {
        public string Line(double plaintext) => string.Create(CultureInfo.InvariantCulture,
            $"| {Page} | {PerSecond:N0} | {100 * PerSecond / plaintext:F1} % | {P50:F2} | {P99:F2} | {CpuMsPerRequest:F3} | {BytesPerRequest / 1024:N1} |{(Errors > 0 ? $" {Errors:N0} errors" : "")}");
    }

    private static async Task<Row> MeasureAsync(string? wrk, string page, string url, string? cookie, int connections, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(false);
        var (requests, p50, p99, errors, seconds) = await DriveAsync(wrk, url, cookie, connections, duration);
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(false) - allocated;
        return new Row(page, requests / seconds, p50, p99, cpuMs / Math.Max(1, requests), (double)bytes / Math.Max(1, requests), errors);
    }

    private static async Task<(long Requests, double P50, double P99, long Errors, double Seconds)> DriveAsync(
        string? wrk, string url, string? cookie, int connections, TimeSpan duration) =>
        wrk is null ? await HttpClientLoad.RunAsync(url, cookie, connections, duration) : await RunWrkAsync(wrk, url, cookie, connections, duration);

    private static async Task<(long, double, double, long, double)> RunWrkAsync(string wrk, string url, string? cookie, int connections, TimeSpan duration)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", "--latency" };
        if (cookie is not null)
            arguments.AddRange(["-H", $"Cookie: {cookie}"]);
        arguments.Add(url);
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var requests = long.Parse(Matched(WrkRequests(), text), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Matched(WrkSeconds(), text), CultureInfo.InvariantCulture);
        var errors = WrkNon2xx().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return (requests, Latency(text, "50%"), Latency(text, "99%"), errors, seconds);
    }

    private static string Matched(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("Unexpected wrk output:\n" + text);

    // wrk prints "     99%    3.21ms" (or us / s).
    private static double Latency(string text, string percentile)
    {
        var m = Regex.Match(text, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success)
            return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static string? FindWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "wrk")).FirstOrDefault(File.Exists);

    private static string Report(List<Row> rows, int listings, TimeSpan duration, int connections, string? wrk, TimeSpan loaded, long settled, long memoryBefore)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Pages at {listings:N0} generated listings (plus the seed data), {connections} connections, {duration.TotalSeconds:F0} s per page, " +
            $"{Environment.ProcessorCount} cores, {(wrk is null ? "HttpClient load in the same process (CPU and allocation include the client)" : "wrk")}, server GC, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Bulk load of the listings: {loaded.TotalSeconds:F1} s; working set after a full collection: {settled / 1048576:N0} MB (managed heap before loading {memoryBefore / 1048576:N0} MB).");
        text.AppendLine();
        text.AppendLine("| page | req/s | of plaintext | p50 ms | p99 ms | server CPU ms/req | KB allocated/req |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
            text.AppendLine(row.Line(rows[0].PerSecond));
        return text.ToString();
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();

    [GeneratedRegex(@"requests in ([\d.]+)s")]
    private static partial Regex WrkSeconds();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xx();

    /// <summary>The real site on a fresh SQLite database, seeded, with a plaintext endpoint in front of everything.</summary>
    private sealed class BenchSite(string folder) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Marketplace:DataPath", folder);
            builder.UseSetting("Marketplace:SeedDataPath", Path.Combine(RepositoryRoot, "seed-data"));
            builder.UseSetting("Marketplace:SeedSampleData", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var budget in new[] { "search", "sign-in", "registration", "password-reset", "questions" })
                builder.UseSetting($"Marketplace:RateLimits:{budget}:Permits", "1000000000");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PlaintextFirst>());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        public static string RepositoryRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                    dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the benchmark folder");
            }
        }
    }

    private sealed class PlaintextFirst : IStartupFilter
    {
        private static readonly byte[] Body = "Hello, World!"u8.ToArray();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path != Plaintext)
                    return nextMiddleware(context);
                context.Response.ContentType = "text/plain";
                context.Response.ContentLength = Body.Length;
                return context.Response.Body.WriteAsync(Body).AsTask();
            });
            next(app);
        };
    }
}
