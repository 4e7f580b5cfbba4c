using System.Diagnostics;
using System.Globalization;
using Marketplace.Benchmarks;
using Marketplace.Search.Analysis;

// dotnet run -c Release --project tests/Marketplace.Benchmarks -- [--sizes 1000,10000,100000] [--out benchmark-results/search.md] [--postgres <connection string>]
// dotnet run -c Release --project tests/Marketplace.Benchmarks -- rank-eval [--misses] [--set fresh-judgments.tsv] [--explain "query"]
// dotnet run -c Release --project tests/Marketplace.Benchmarks -- pages [--listings 10000] [--seconds 5] [--connections 32] [--out benchmark-results/pages.md] [--load-only] [--keep <folder>]
if (args.Length > 0 && args[0] == "pages")
{
    await PageBenchmark.RunAsync(int.Parse(Option(args, "--listings", "10000"), CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(Option(args, "--seconds", "5"), CultureInfo.InvariantCulture)),
        int.Parse(Option(args, "--connections", "32"), CultureInfo.InvariantCulture), Option(args, "--out", "benchmark-results/pages.md"),
        loadOnly: args.Contains("--load-only"), keptFolder: args.Contains("--keep") ? Path.GetFullPath(Option(args, "--keep", "")) : null);
    return;
}

// dotnet run -c Release --project tests/Marketplace.Benchmarks -- ocds [--challenges 2000]
if (args.Length > 0 && args[0] == "ocds")
{
    await OcdsBenchmark.RunAsync(int.Parse(Option(args, "--challenges", "2000"), CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 0 && args[0] == "rank-eval")
{
    ThaiAnalysis.Warm();
    RankEval.Run(args.Contains("--misses"), args.Contains("--thai-only"));
    return;
}

var sizes = Option(args, "--sizes", "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var output = Option(args, "--out", "benchmark-results/search.md");
// --engine lucene (or fts5, like, pgfts, pgtrgm) measures one engine only, for a quick check of our own latency.
var engineFilter = args.Contains("--engine") ? Option(args, "--engine", "") : null;
// The PostgreSQL engines need a server: --postgres "Host=127.0.0.1;Port=55432;Username=postgres" or MARKETPLACE_BENCH_POSTGRES.
var postgres = Option(args, "--postgres", Environment.GetEnvironmentVariable("MARKETPLACE_BENCH_POSTGRES") ?? "");
if (postgres.Length == 0 && (engineFilter is null || engineFilter.StartsWith("pg", StringComparison.Ordinal)))
{
    Console.WriteLine("PostgreSQL engines (pgfts, pgtrgm) skipped: no server given (--postgres <connection string> or MARKETPLACE_BENCH_POSTGRES; bash .ci/postgres/start prints one)");
}
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
ThaiAnalysis.Warm();
Runner.WarmUpEngines();

var measurements = new List<Measurement>();
var suggestLatencies = new Dictionary<int, (double P50, double P99)>();
foreach (var size in sizes)
{
    var clock = Stopwatch.StartNew();
    var catalogue = ListingGenerator.Generate(size);
    Console.WriteLine($"[{size:N0}] generated in {clock.Elapsed.TotalSeconds:F1} s; planted phrases in {catalogue.PhraseOwners.Values.Sum(o => o.Count):N0} listings");
    var engines = new (string Key, Func<IEngine> Create)[] { ("lucene", () => new LuceneEngine()), ("fts5", () => new Fts5Engine()), ("like", () => new LikeEngine()) }
        .Concat(postgres.Length == 0 ? [] : new (string Key, Func<IEngine> Create)[] { ("pgfts", () => new PgFtsEngine(postgres)), ("pgtrgm", () => new PgTrgmEngine(postgres)) });
    foreach (var engine in engines.Where(e => engineFilter is null || e.Key == engineFilter).Select(e => e.Create()))
    {
        using (engine)
        {
            var plan = Runner.PlanFor(engine, size);
            measurements.Add(Runner.Measure(engine, catalogue, size, plan));
            if (engine is LuceneEngine lucene)
            {
                suggestLatencies[size] = Runner.MeasureSuggest(lucene);
            }
        }

        var last = measurements[^1];
        Console.WriteLine($"[{size:N0}] {last.Engine}: build {last.BuildPerSecond:N0}/s, p50 {last.Percentile(50):F2} ms, " +
            $"p99 {last.Percentile(99):F2} ms, Thai recall {last.ThaiRecall:F3} ({clock.Elapsed.TotalSeconds:F0} s)");
    }
}

var markdown = Report.Markdown(measurements, suggestLatencies);
Console.WriteLine();
Console.WriteLine(markdown);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, markdown);
Console.WriteLine($"Written to {Path.GetFullPath(output)}");

static string Option(string[] args, string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
