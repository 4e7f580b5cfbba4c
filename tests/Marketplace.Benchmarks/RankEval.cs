using System.Globalization;
using Marketplace.Search;
using Marketplace.Search.Relevance;

namespace Marketplace.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Marketplace.Benchmarks -- rank-eval [--misses]
/// Indexes the published seed listings, runs the judged queries and prints nDCG@10, Recall@10, MRR and Success@3
/// overall, per language and per kind; --misses also lists each query that missed a relevant listing; --thai-only
/// strips the listings' English text first, to measure how far English queries get through the dictionaries alone.
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

        var queries = RelevanceSet.Load(RelevanceSet.DefaultPath());
        using var index = SolutionIndex.InMemory();
        foreach (var listing in catalogue)
        {
            index.Upsert(listing);
        }

        index.Refresh();
        var outcomes = RankEvaluation.Run(index, catalogue, queries);
        Console.WriteLine($"{catalogue.Count} published listings, {queries.Count} judged queries");
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
}
