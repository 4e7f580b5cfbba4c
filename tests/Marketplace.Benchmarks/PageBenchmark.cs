extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
    public const string AcceptEncoding = "br, gzip";

    /// <param name="keptFolder">Where to load the database and index and leave them afterwards (to profile the site
    /// against them); by default a temporary folder, deleted at the end.</param>
    public static async Task RunAsync(int listings, TimeSpan duration, int connections, string output, bool loadOnly, string? keptFolder)
    {
        var folder = keptFolder ?? Path.Combine(Path.GetTempPath(), "marketplace-page-bench", Guid.NewGuid().ToString("N"));
        // WebApplicationFactory looks for the web project beside the solution file unless told where it is.
        var contentRoot = Path.Combine(BenchSite.RepositoryRoot, "src", "Marketplace.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", contentRoot);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_Marketplace_Web", contentRoot);
        try
        {
            var load = await LoadAsync(folder, listings);
            Console.WriteLine(load.Line());
            if (loadOnly)
            {
                await WriteAsync(output, load.Line());
                return;
            }
            await ServeAsync(folder, listings, duration, connections, output, load);
        }
        finally
        {
            if (keptFolder is null && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Seeds a fresh database and loads the generated listings through <see cref="BulkCatalogue"/>, then builds the
    /// index once, in a site without its background services: they would see a half-loaded catalogue (the index
    /// updater's verification once started a rebuild of it) and queue their writes behind the load's, as an import
    /// done before an instance starts does not. The site that is measured afterwards opens this database and index.
    /// </summary>
    private static async Task<LoadFigures> LoadAsync(string folder, int count)
    {
        var clock = Stopwatch.StartNew();
        var catalogue = ListingGenerator.Generate(count);
        var (vendors, listings) = ToBulk(catalogue.Listings);
        var generated = clock.Elapsed;
        using var site = new BenchSite(folder, backgroundServices: false);
        var services = site.Services; // starts the site: migrations, seed data, an index of the seeded listings
        Memory.Collect();
        var before = Memory.WorkingSet();
        Memory.ResetPeak();
        using var sampler = new Memory.HeapSampler();

        clock.Restart();
        await BulkCatalogue.LoadAsync(services.GetRequiredService<IServiceScopeFactory>(), vendors, listings, DateTimeOffset.UtcNow);
        var loaded = clock.Elapsed;
        var loadPeak = Memory.PeakWorkingSet();
        var loadHeapPeak = sampler.Peak;
        clock.Restart();
        await services.GetRequiredService<SearchIndexHost>().RebuildAsync(CancellationToken.None);
        return new LoadFigures(count, generated, before, loaded, loadPeak, loadHeapPeak, clock.Elapsed, Memory.PeakWorkingSet(), sampler.Peak);
    }

    private static (string Name, string Path)[] Pages(int listings) =>
    [
        ("home", "/"),
        ("search", "/search?q=" + Uri.EscapeDataString("ฝุ่น")),
        ("browse", "/solutions"),
        ("api search", "/api/solutions?q=" + Uri.EscapeDataString("water quality")),
        ("listing", $"/solutions/bench-{listings / 2}"),
        ("challenges", "/challenges"),
        ("awards", "/awards"),
    ];

    private static async Task ServeAsync(string folder, int listings, TimeSpan duration, int connections, string output, LoadFigures load)
    {
        var instance = await SeparateInstanceAsync(folder, Pages(listings).Select(p => p.Path));
        Console.WriteLine(instance);
        Memory.Collect();
        var beforeSite = Memory.WorkingSet();
        using var site = new BenchSite(folder, backgroundServices: true);
        site.UseKestrel(0);
        site.StartServer();
        var baseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var indexed = site.Services.GetRequiredService<SearchIndexHost>().Index.DocumentCount;
        var pages = Pages(listings);
        // Every page once, so the settled figure is an instance that has served each of them.
        using (var warm = new HttpClient())
            foreach (var (_, path) in pages)
                (await warm.GetAsync(baseUrl + path)).EnsureSuccessStatusCode();
        Memory.Collect();
        var settled = new Settled(beforeSite, Memory.WorkingSet(), GC.GetGCMemoryInfo().HeapSizeBytes, indexed, instance);
        Console.WriteLine(settled.Line());

        var wrk = FindWrk();
        Console.WriteLine(wrk is null ? "Load: HttpClient in this process (wrk not installed)" : $"Load: {wrk}");
        var rows = new List<Row>();
        foreach (var (name, path) in pages)
        {
            foreach (var cached in new[] { true, false })
            {
                // The machine is shared, so the ceiling moves: each page is compared with plaintext measured just before it.
                var anchor = await MeasureAsync(wrk, "plaintext", baseUrl + Plaintext, null, connections, duration / 2, null);
                // The cookie makes the page uncacheable, as for a visitor with a session.
                var cookie = cached ? null : "bench=1";
                await DriveAsync(wrk, baseUrl + path, cookie, connections, TimeSpan.FromSeconds(1)); // warm-up
                var row = await MeasureAsync(wrk, name + (cached ? " (cached)" : " (rendered)"), baseUrl + path, cookie, connections, duration, anchor);
                rows.Add(row);
                Console.WriteLine(row.Line());
            }
        }

        var report = Report(rows, listings, duration, connections, wrk, load, settled);
        Console.WriteLine();
        Console.WriteLine(report);
        await WriteAsync(output, report);
    }

    private static async Task WriteAsync(string output, string report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"Written to {Path.GetFullPath(output)}");
    }

    /// <summary>The vendors at once (listings refer to them by position), the listings one by one as the loader asks.</summary>
    private static (List<BulkVendor>, IEnumerable<BulkListing>) ToBulk(IReadOnlyList<SolutionDocument> documents)
    {
        var vendorIndex = new Dictionary<string, int>();
        var vendors = new List<BulkVendor>();
        foreach (var d in documents)
        {
            if (vendorIndex.TryAdd(d.VendorNameTh, vendors.Count))
                vendors.Add(new BulkVendor($"bench-vendor-{vendors.Count}", d.VendorNameTh, d.VendorNameEn ?? d.VendorNameTh, "TH-10"));
        }
        return (vendors, documents.Select(d => new BulkListing(vendorIndex[d.VendorNameTh], $"bench-{d.Id}", new ListingContent
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
        }, d.PublishedAt)));
    }

    /// <summary>The bulk load and the index build, with the process's peak working set and sampled managed heap in each.</summary>
    private sealed record LoadFigures(int Listings, TimeSpan Generated, long Before, TimeSpan Loaded, long LoadPeak, long LoadHeapPeak,
        TimeSpan Indexed, long IndexPeak, long IndexHeapPeak)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"Bulk load of {Listings:N0} listings: {Loaded.TotalSeconds:F1} s ({Listings / Loaded.TotalSeconds:N0}/s), peak working set {Mb(LoadPeak)} " +
            $"(managed heap at most {Mb(LoadHeapPeak)}; {Mb(Before)} before it, the generated input included, made in {Generated.TotalSeconds:F1} s). " +
            $"Index rebuilt from the database in {Indexed.TotalSeconds:F1} s ({Listings / Indexed.TotalSeconds:N0}/s), peak working set {Mb(IndexPeak)} " +
            $"(managed heap at most {Mb(IndexHeapPeak)}).");
    }

    /// <summary>The measured site after it served each page once and a full compacting collection.</summary>
    private sealed record Settled(long BeforeSite, long WorkingSet, long Heap, int Indexed, string Instance)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"Site on {Indexed:N0} indexed listings, settled: working set {Mb(WorkingSet)} (managed heap {Mb(Heap)}; the process held {Mb(BeforeSite)} before the site started). {Instance}");
    }

    /// <summary>
    /// The memory of the site as it runs in production: its own process (the built Marketplace.Web.dll) on the loaded
    /// database and index, each page read once, then left alone for ten seconds.
    /// </summary>
    private static async Task<string> SeparateInstanceAsync(string folder, IEnumerable<string> paths)
    {
        var web = Path.Combine(BenchSite.RepositoryRoot, "src", "Marketplace.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Marketplace.Web.dll");
        if (!File.Exists(dll))
            return "(No separate instance measured: build src/Marketplace.Web in Release first.)";
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", url })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Marketplace__DataPath"] = folder;
        start.Environment["Marketplace__SeedDataPath"] = Path.Combine(BenchSite.RepositoryRoot, "seed-data");
        start.Environment["Marketplace__SeedSampleData"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            while (true)
            {
                try
                {
                    using var health = await client.GetAsync(url + "/health");
                    break;
                }
                catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
                {
                    await Task.Delay(250);
                }
            }
            var started = clock.Elapsed;
            foreach (var path in paths)
                (await client.GetAsync(url + path)).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(10));
            process.Refresh();
            return string.Create(CultureInfo.InvariantCulture,
                $"The site in a process of its own: ready in {started.TotalSeconds:F1} s, working set {Mb(process.WorkingSet64)} after reading each page once and 10 s idle (peak {Mb(process.PeakWorkingSet64)}); {MemoryMap.Describe(process.Id, folder)}.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MB");

    private sealed record Row(string Page, double PerSecond, double P50, double P99, double CpuMsPerRequest, double BytesPerRequest, long Errors, Row? Plaintext)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture,
            $"| {Page} | {PerSecond:N0} | {Plaintext?.PerSecond:N0} | {100 * PerSecond / Plaintext?.PerSecond:F1} % | {P50:F2} | {P99:F2} | {CpuMsPerRequest:F3} | {Plaintext?.CpuMsPerRequest:F3} | {BytesPerRequest / 1024:N1} |{(Errors > 0 ? $" {Errors:N0} errors" : "")}");
    }

    private static async Task<Row> MeasureAsync(string? wrk, string page, string url, string? cookie, int connections, TimeSpan duration, Row? plaintext)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(false);
        var (requests, p50, p99, errors, seconds) = await DriveAsync(wrk, url, cookie, connections, duration);
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(false) - allocated;
        return new Row(page, requests / seconds, p50, p99, cpuMs / Math.Max(1, requests), (double)bytes / Math.Max(1, requests), errors, plaintext);
    }

    private static async Task<(long Requests, double P50, double P99, long Errors, double Seconds)> DriveAsync(
        string? wrk, string url, string? cookie, int connections, TimeSpan duration) =>
        wrk is null ? await HttpClientLoad.RunAsync(url, cookie, connections, duration) : await RunWrkAsync(wrk, url, cookie, connections, duration);

    private static async Task<(long, double, double, long, double)> RunWrkAsync(string wrk, string url, string? cookie, int connections, TimeSpan duration)
    {
        // As a browser asks: the cached anonymous pages are stored and served compressed.
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{Math.Max(1, (int)duration.TotalSeconds)}s", "--latency", "-H", $"Accept-Encoding: {AcceptEncoding}" };
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

    private static string Report(List<Row> rows, int listings, TimeSpan duration, int connections, string? wrk, LoadFigures load, Settled settled)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Pages at {listings:N0} generated listings (plus the seed data), {connections} connections, {duration.TotalSeconds:F0} s per page, " +
            $"{Environment.ProcessorCount} cores, {(wrk is null ? "HttpClient load in the same process (CPU and allocation include the client)" : "wrk")}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({(GCSettings.LatencyMode == GCLatencyMode.Batch ? "not concurrent" : "concurrent")}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(load.Line());
        text.AppendLine(settled.Line());
        text.AppendLine();
        text.AppendLine("| page | req/s | plaintext req/s just before | of plaintext | p50 ms | p99 ms | server CPU ms/req | plaintext CPU ms/req | KB allocated/req |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
            text.AppendLine(row.Line());
        return text.ToString();
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();

    [GeneratedRegex(@"requests in ([\d.]+)s")]
    private static partial Regex WrkSeconds();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xx();

    /// <summary>
    /// The real site on a SQLite database in <paramref name="folder"/> (seeded on first start), with a plaintext endpoint
    /// in front of everything; without its background services (index updater, outbox, deadlines…) when loading.
    /// </summary>
    internal sealed class BenchSite(string folder, bool backgroundServices) : WebApplicationFactory<web::Program>
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
            if (!backgroundServices)
                builder.ConfigureTestServices(services =>
                {
                    foreach (var service in services.Where(IsMarketplaceService).ToList())
                        services.Remove(service);
                });
        }

        /// <summary>The site's own hosted services, not the framework's (the web host itself is one).</summary>
        private static bool IsMarketplaceService(ServiceDescriptor service) =>
            service is { ServiceType: var type, IsKeyedService: false } && type == typeof(IHostedService)
            && (service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType)?.Assembly.GetName().Name?.StartsWith("Marketplace.", StringComparison.Ordinal) == true;

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

    /// <summary>The process's memory as the operating system sees it (Linux), and the managed heap sampled while work runs.</summary>
    private static class Memory
    {
        public static void Collect()
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        public static long WorkingSet()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }

        public static long PeakWorkingSet()
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }

        /// <summary>Starts the peak working set afresh (writing 5 to clear_refs resets VmHWM); the peak then covers what follows.</summary>
        public static void ResetPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"Could not reset the peak working set ({e.Message}): the peaks below include everything before the load");
            }
        }

        /// <summary>The largest managed heap seen, every 50 ms.</summary>
        public sealed class HeapSampler : IDisposable
        {
            private readonly Timer _timer;
            private long _peak;

            public HeapSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

            public long Peak
            {
                get
                {
                    Sample();
                    return Interlocked.Read(ref _peak);
                }
            }

            private void Sample()
            {
                var heap = GC.GetTotalMemory(false);
                long seen;
                while (heap > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, heap, seen) != seen)
                {
                }
            }

            public void Dispose() => _timer.Dispose();
        }
    }
}
