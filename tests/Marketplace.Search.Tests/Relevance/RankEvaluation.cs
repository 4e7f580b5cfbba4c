using System.Globalization;
using System.Text;
using Marketplace.Search;

namespace Marketplace.Search.Relevance;

/// <summary>The four figures for a group of queries, each the mean over its queries.</summary>
public sealed record RankMetrics(int Queries, double Ndcg10, double Recall10, double Mrr, double Success3);

/// <summary>
/// Runs every judged query through <see cref="SolutionIndex.Search"/> (as the site does: first page of 10, relevance
/// order) and scores the ranking. Recall@10 counts listings of grade 1 or 2; MRR and Success@3 take the first of them.
/// </summary>
public static class RankEvaluation
{
    public const int Depth = 10;

    public sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string> Ranked, double Ndcg, double Recall, double ReciprocalRank, bool Success3);

    public static IReadOnlyList<QueryOutcome> Run(SolutionIndex index, IReadOnlyList<SolutionDocument> catalogue, IReadOnlyList<JudgedQuery> queries)
    {
        var slugs = catalogue.ToDictionary(d => d.Id, d => d.Slug);
        return queries.Select(q =>
        {
            var result = index.Search(new SearchRequest(q.Text, PageSize: Depth));
            var ranked = result.Hits.Select(h => slugs[h.Id]).ToList();
            return Score(q, ranked);
        }).ToList();
    }

    public static QueryOutcome Score(JudgedQuery query, IReadOnlyList<string> ranked)
    {
        double Gain(string slug) => query.Grades.TryGetValue(slug, out var g) ? Math.Pow(2, g) - 1 : 0;
        var dcg = ranked.Take(Depth).Select((slug, i) => Gain(slug) / Math.Log2(i + 2)).Sum();
        var ideal = query.Grades.Values.OrderByDescending(g => g).Take(Depth).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var relevant = query.Grades.Count(g => g.Value > 0);
        var found = ranked.Take(Depth).Count(s => query.Grades.GetValueOrDefault(s) > 0);
        var first = ranked.Take(Depth).ToList().FindIndex(s => query.Grades.GetValueOrDefault(s) > 0);
        return new QueryOutcome(query, ranked, ideal > 0 ? dcg / ideal : 0, relevant > 0 ? (double)found / relevant : 0,
            first >= 0 ? 1.0 / (first + 1) : 0, first is >= 0 and < 3);
    }

    public static RankMetrics Summarise(IEnumerable<QueryOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0
            ? new RankMetrics(0, 0, 0, 0, 0)
            : new RankMetrics(list.Count, list.Average(o => o.Ndcg), list.Average(o => o.Recall), list.Average(o => o.ReciprocalRank),
                list.Average(o => o.Success3 ? 1.0 : 0.0));
    }

    /// <summary>Overall, per language and per kind of query.</summary>
    public static IReadOnlyList<(string Group, RankMetrics Metrics)> Groups(IReadOnlyList<QueryOutcome> outcomes) =>
        [
            ("overall", Summarise(outcomes)),
            .. outcomes.GroupBy(o => "language:" + o.Query.Language).OrderBy(g => g.Key).Select(g => (g.Key, Summarise(g))),
            .. outcomes.GroupBy(o => "kind:" + o.Query.Kind).OrderBy(g => g.Key).Select(g => (g.Key, Summarise(g))),
        ];

    public static string Table(IReadOnlyList<QueryOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine("| group | queries | nDCG@10 | Recall@10 | MRR | Success@3 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (group, m) in Groups(outcomes))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group} | {m.Queries} | {m.Ndcg10:F3} | {m.Recall10:F3} | {m.Mrr:F3} | {m.Success3:F3} |"));
        }

        return text.ToString();
    }
}
