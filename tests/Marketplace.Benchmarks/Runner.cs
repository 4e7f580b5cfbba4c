using System.Diagnostics;

namespace Marketplace.Benchmarks;

/// <summary>How often to run the mix: LIKE scans every row per query, so at large sizes it runs fewer queries.</summary>
internal sealed record RunPlan(int Passes, int QueryStride, string Note);

/// <summary>Builds an engine, times the fixed query mix, and measures recall on the planted Thai phrases.</summary>
internal static class Runner
{
    public const int PageSize = 20;
    private const int RecallDepth = 1000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    public static RunPlan PlanFor(IEngine engine, int size) => engine switch
    {
        LikeEngine when size >= 100_000 => new RunPlan(1, 3, "LIKE: one pass over every third query of the mix (a full scan each)"),
        LikeEngine when size >= 10_000 => new RunPlan(1, 1, "LIKE: one pass over the mix"),
        LikeEngine => new RunPlan(3, 1, string.Empty),
        // Short Thai words give pg_trgm few trigrams to narrow with, so most queries recheck many rows (1k: p50 ~77 ms).
        PgTrgmEngine when size >= 10_000 => new RunPlan(1, 1, "pg_trgm: one pass over the mix"),
        PgTrgmEngine => new RunPlan(3, 1, string.Empty),
        // Twenty passes give 840 samples, so p99 is not decided by two or three unlucky queries.
        _ => new RunPlan(20, 1, string.Empty),
    };

    public static Measurement Measure(IEngine engine, Catalogue catalogue, int size, RunPlan plan)
    {
        var build = Stopwatch.StartNew();
        engine.Build(catalogue.Listings);
        var buildPerSecond = catalogue.Listings.Count / build.Elapsed.TotalSeconds;

        var queries = QueryMix.Queries.Where((_, i) => i % plan.QueryStride == 0).ToList();
        WarmUp(engine, plan.QueryStride == 1 && plan.Passes > 1 ? queries : [.. queries.Take(3)]);
        var latencies = new List<Sample>();
        for (var pass = 0; pass < plan.Passes; pass++)
        {
            foreach (var query in queries)
            {
                var cpu = ThreadClock.NowMs();
                var timer = Stopwatch.StartNew();
                engine.Search(query, PageSize);
                latencies.Add(new Sample(query.Kind, Describe(query), timer.Elapsed.TotalMilliseconds, ThreadClock.NowMs() - cpu));
            }
        }

        return new Measurement(size, engine.Name, buildPerSecond, latencies, ThaiRecall(engine, catalogue), plan.Note);
    }

    public static string Describe(BenchQuery query) =>
        string.Join(" ", new[] { query.Text ?? "(browse)", query.Sector, query.Category?.ToString(), query.Province }.OfType<string>());

    /// <summary>Builds and queries a small catalogue with every engine once, so the timed runs do not pay for JIT compilation.</summary>
    public static void WarmUpEngines()
    {
        // Enough listings for the indexing code to be recompiled at full optimisation before the first timed build.
        var small = ListingGenerator.Generate(20_000, seed: 7);
        foreach (var engine in new IEngine[] { new LuceneEngine(), new Fts5Engine(), new LikeEngine() })
        {
            using (engine)
            {
                engine.Build(small.Listings);
                foreach (var query in QueryMix.Queries)
                {
                    engine.Search(query, PageSize);
                }
            }
        }
    }

    /// <summary>
    /// .NET compiles hot code again with profile-guided optimisation after a few seconds of use; a server reaches that
    /// state within a minute of start-up, so each engine runs the mix for a few untimed seconds first.
    /// </summary>
    private static void WarmUp(IEngine engine, IReadOnlyList<BenchQuery> queries)
    {
        var until = Stopwatch.StartNew();
        do
        {
            foreach (var query in queries)
            {
                engine.Search(query, PageSize);
            }
        }
        while (until.Elapsed < WarmUpTime);
    }

    /// <summary>Mean over the planted queries of the share of the listings containing the phrase that come back.</summary>
    public static double ThaiRecall(IEngine engine, Catalogue catalogue)
    {
        var recalls = new List<double>();
        foreach (var (query, phrase) in Vocabulary.PlantedQueries)
        {
            var truth = catalogue.PhraseOwners[phrase];
            var found = engine.Search(new BenchQuery("recall", query), RecallDepth).ToHashSet();
            recalls.Add(truth.Count == 0 ? 1 : truth.Count(found.Contains) / (double)truth.Count);
        }

        return recalls.Average();
    }

    public static (double P50, double P99) MeasureSuggest(LuceneEngine engine)
    {
        string[] prefixes = ["ข้อมู", "ระบบแจ้ง", "คุณภา", "wat", "heal", "โรงเร", "trans", "แพลต", "ก", "pla", "การจัดซื้", "ดาวเ"];
        for (var pass = 0; pass < 50; pass++)
        {
            foreach (var prefix in prefixes)
            {
                engine.Suggest(prefix);
            }
        }

        var samples = new List<double>();
        for (var pass = 0; pass < 20; pass++)
        {
            foreach (var prefix in prefixes)
            {
                var timer = Stopwatch.StartNew();
                engine.Suggest(prefix);
                samples.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        var measurement = new Measurement(0, "suggest", 0, samples.Select(s => new Sample("suggest", string.Empty, s, s)).ToList(), 0, string.Empty);
        return (measurement.Percentile(50), measurement.Percentile(99));
    }
}
