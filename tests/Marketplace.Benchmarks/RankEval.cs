using System.Globalization;
using Marketplace.Search;
using Marketplace.Search.Relevance;

namespace Marketplace.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Marketplace.Benchmarks -- rank-eval [--misses] [--set fresh-judgments.tsv]
/// Indexes the published seed listings, runs the judged queries and prints nDCG@10, Recall@10, MRR and Success@3
/// overall, per language and per kind; --misses also lists each query that missed a relevant listing; --thai-only
/// strips the listings' English text first, to measure how far English queries get through the dictionaries alone;
/// --set names another judged set (a file name in the Relevance folder, or a path) instead of judgments.tsv.
/// </summary>
internal static class RankEval
{
    public static void Run(bool showMisses, bool oneLanguage = false)
    {
        var catalogue = SeedCatalogue.Published(SeedCatalogue.SeedFolder());
        if (oneLanguage)
        {
            // A probe of the other-language layer: every listing keeps only its Thai text, so an English query can
            // reach it only through the glossary and spelling dictionaries (figures not comparable with the full set).
            catalogue = SeedCatalogue.ThaiOnly(catalogue);
        }

        var set = Option(Environment.GetCommandLineArgs(), "--set");
        var queries = RelevanceSet.Load(set is null ? RelevanceSet.DefaultPath() : RelevanceSet.Find(set));
        using var index = SolutionIndex.InMemory();
        foreach (var listing in catalogue)
        {
            index.Upsert(listing);
        }

        index.Refresh();
        if (Option(Environment.GetCommandLineArgs(), "--explain") is { } explained)
        {
            Explain(index, explained);
            return;
        }

        var outcomes = RankEvaluation.Run(index, catalogue, queries);
        Console.WriteLine($"{catalogue.Count} published listings, {queries.Count} judged queries ({set ?? "judgments.tsv"})");
        Console.WriteLine(RankEvaluation.Table(outcomes));
        var matchings = ChallengeMatching.Run(index, catalogue, SeedCatalogue.SeedFolder());
        Console.WriteLine(ChallengeMatching.Table(matchings));
        if (!showMisses)
        {
            return;
        }

        foreach (var o in outcomes.Where(o => o.Recall < 1 || o.ReciprocalRank < 1))
        {
            var missing = o.Query.Grades.Keys.Where(s => !o.Ranked.Contains(s));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{o.Query.Kind}] {o.Query.Text}: RR {o.ReciprocalRank:F2}, recall {o.Recall:F2}; top: {string.Join(' ', o.Ranked.Take(5))}; missing: {string.Join(' ', missing)}"));
        }

        foreach (var m in matchings.Where(m => m.BestRank is 0 or > 3))
        {
            Console.WriteLine($"[matching {m.Language}] {m.Challenge}: best vendor at {m.BestRank}; top 3: {string.Join(' ', m.TopVendors)}");
        }
    }

    /// <summary>--explain "query": the first page as a person sees it, with the matched words marked, to read why a listing ranks where it does.</summary>
    private static void Explain(SolutionIndex index, string query)
    {
        var result = index.Search(new SearchRequest(query, PageSize: 10));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{query}: {result.Total} found, {result.FullMatchCount} matching every word, partial {result.IsPartialMatch}, corrected {result.CorrectedQuery}, also searched: {string.Join(" / ", result.AlsoSearched)}"));
        foreach (var hit in result.Hits)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hit.Score,7:F2} {hit.Slug} | {hit.TitleHtml} | {hit.TitleEnHtml} | {hit.SnippetHtml}"));
        }
    }

    // Read here rather than in Program.cs so that the command's other options keep their meaning.
    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
