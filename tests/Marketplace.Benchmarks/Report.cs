using System.Runtime.InteropServices;
using System.Text;

namespace Marketplace.Benchmarks;

/// <summary>The Markdown report: results table, latency by query kind, the targets, and how the numbers were made.</summary>
internal static class Report
{
    private static readonly string[] Kinds = [QueryMix.Thai, QueryMix.English, QueryMix.Mixed, QueryMix.Filtered, QueryMix.Faceted];

    public static string Markdown(IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<int, (double P50, double P99)> suggest)
    {
        var md = new StringBuilder();
        md.AppendLine("# Search benchmark: SolutionIndex vs SQLite FTS5 vs SQL LIKE").AppendLine();
        md.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}. Same generated listings (seed 2026) for every engine at each size.").AppendLine();
        md.AppendLine("Latency is wall-clock per query; CPU is the querying thread's CPU time for the same queries (the machine is shared, ");
        md.AppendLine("so the difference is time spent waiting for a core).").AppendLine();
        md.AppendLine("| listings | engine | build (listings/s) | p50 ms | p95 ms | p99 ms | CPU p50 | CPU p99 | Thai recall | queries timed |");
        md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            md.AppendLine($"| {m.Size:N0} | {m.Engine} | {m.BuildPerSecond:N0} | {m.Percentile(50):F2} | {m.Percentile(95):F2} | " +
                $"{m.Percentile(99):F2} | {Format(m.Percentile(50, cpu: true))} | {Format(m.Percentile(99, cpu: true))} | {m.ThaiRecall:F3} | {m.Latencies.Count} |");
        }

        md.AppendLine().AppendLine("## Median latency by query kind (ms)").AppendLine();
        md.AppendLine($"| listings | engine | {string.Join(" | ", Kinds)} |");
        md.AppendLine($"| ---: | --- |{string.Concat(Kinds.Select(_ => " ---: |"))}");
        foreach (var m in measurements)
        {
            md.AppendLine($"| {m.Size:N0} | {m.Engine} | {string.Join(" | ", Kinds.Select(k => Format(m.Percentile(50, k))))} |");
        }

        if (suggest.Count > 0)
        {
            md.AppendLine().AppendLine("## Autocomplete (SolutionIndex.Suggest, 12 Thai and English prefixes × 20)").AppendLine();
            md.AppendLine("| listings | p50 ms | p99 ms |").AppendLine("| ---: | ---: | ---: |");
            foreach (var (size, (p50, p99)) in suggest)
            {
                md.AppendLine($"| {size:N0} | {p50:F3} | {p99:F3} |");
            }
        }

        AppendSlowest(md, measurements);
        // The targets compare the three engines: a run of one engine (--engine) has none to compare.
        if (measurements.Select(m => m.Engine).Distinct().Count() == 3)
        {
            AppendTargets(md, measurements);
        }

        AppendMethod(md, measurements);
        return md.ToString();
    }

    private static string Format(double value) => double.IsNaN(value) ? "–" : value.ToString("F2");

    private static void AppendTargets(StringBuilder md, IReadOnlyList<Measurement> measurements)
    {
        var size = measurements.Max(m => m.Size);
        var ours = measurements.Single(m => m.Size == size && m is { Engine: var e } && e.StartsWith("SolutionIndex", StringComparison.Ordinal));
        var like = measurements.Single(m => m.Size == size && m.Engine.Contains("LIKE", StringComparison.Ordinal));
        var fts = measurements.Single(m => m.Size == size && m.Engine.Contains("FTS5", StringComparison.Ordinal));
        // LIKE may have run only part of the mix at this size: compare on the queries both engines ran.
        var shared = like.Latencies.Select(l => l.Query).ToHashSet();
        var p50Ratio = like.Percentile(50) / ours.Percentile(50, queries: shared);
        var p99Ratio = like.Percentile(99) / ours.Percentile(99, queries: shared);
        md.AppendLine().AppendLine($"## Targets at {size:N0} listings").AppendLine();
        md.AppendLine("| target | result | met |").AppendLine("| --- | --- | :---: |");
        md.AppendLine($"| our p99 ≤ 5 ms | {ours.Percentile(99):F2} ms wall-clock ({Format(ours.Percentile(99, cpu: true))} ms CPU) | {Mark(ours.Percentile(99) <= 5)} |");
        md.AppendLine($"| ≥ 20x faster than LIKE | {p50Ratio:F0}x at p50, {p99Ratio:F0}x at p99 (on the {shared.Count} queries LIKE ran) | " +
            $"{Mark(p50Ratio >= 20 && p99Ratio >= 20)} |");
        md.AppendLine($"| build ≥ 5,000 listings/s | {ours.BuildPerSecond:N0} listings/s | {Mark(ours.BuildPerSecond >= 5000)} |");
        md.AppendLine($"| Thai recall ≥ 0.95 | {ours.ThaiRecall:F3} (FTS5 {fts.ThaiRecall:F3}, LIKE {like.ThaiRecall:F3}) | {Mark(ours.ThaiRecall >= 0.95)} |");
    }

    private static void AppendSlowest(StringBuilder md, IReadOnlyList<Measurement> measurements)
    {
        var size = measurements.Max(m => m.Size);
        var ours = measurements.Single(m => m.Size == size && m.Engine.StartsWith("SolutionIndex", StringComparison.Ordinal));
        md.AppendLine().AppendLine($"## Our slowest queries at {size:N0} listings (median of the timed runs)").AppendLine();
        md.AppendLine("| query | kind | wall ms | CPU ms |").AppendLine("| --- | --- | ---: | ---: |");
        var slowest = ours.Latencies.GroupBy(l => (l.Query, l.Kind))
            .Select(g => (g.Key, Wall: Median(g.Select(l => l.WallMs)), Cpu: Median(g.Select(l => l.CpuMs))))
            .OrderByDescending(q => q.Wall)
            .Take(6);
        foreach (var ((query, kind), wall, cpu) in slowest)
        {
            md.AppendLine($"| {query} | {kind} | {wall:F2} | {Format(cpu)} |");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Mark(bool met) => met ? "yes" : "**no**";

    private static void AppendMethod(StringBuilder md, IReadOnlyList<Measurement> measurements)
    {
        md.AppendLine().AppendLine("## How the numbers were made").AppendLine();
        md.AppendLine($"- Query mix: {QueryMix.Queries.Count} fixed queries — " +
            string.Join(", ", QueryMix.Queries.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {g.Key}")) +
            " (faceted = a browse or search page that shows facet counts). Each engine first builds and queries a small " +
            "catalogue (JIT warm-up), and runs the mix untimed for 5 s after each build; then the timed passes.");
        md.AppendLine("- SolutionIndex: the call the web app makes — `Search(new SearchRequest(...))` with 20 hits per page, on a temporary " +
            "FSDirectory, including the all-words query with its fallback, typo correction, the six drill-sideways facets and " +
            "highlighted titles and snippets, for every query (it cannot skip facets or highlights). Build = `Rebuild`: both cores, then a merge to one segment and a commit.");
        md.AppendLine("- SQLite (file database, page cache large enough to hold it): first page of 20 ids plus the total; for faceted " +
            "queries one more query fetching the matches' facet columns, counted in C# (plain counts, no drill-sideways). " +
            "FTS5 quotes each word and AND-s them, ranked by bm25; LIKE requires every word as a substring of one lower-cased " +
            "column of all text, newest first (it cannot rank). Build = inserts in one transaction (+ FTS5 `optimize`), single-threaded.");
        md.AppendLine("- Thai recall: for each of " + Vocabulary.PlantedQueries.Length + " Thai queries (12 planted phrases as written, 8 spaced " +
            "or shortened the way people type them), the share of listings whose Thai text contains the phrase that are among " +
            "the engine's first 1,000 results; the mean over queries. The phrases sit inside Thai clauses without spaces.");
        md.AppendLine("- Percentiles are nearest-rank over all timed queries of an engine at a size.");
        foreach (var note in measurements.Where(m => m.Note.Length > 0).Select(m => $"{m.Size:N0}: {m.Note}").Distinct())
        {
            md.AppendLine($"- {note}.");
        }
    }
}
