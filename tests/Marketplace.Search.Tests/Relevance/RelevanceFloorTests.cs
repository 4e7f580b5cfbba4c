using Marketplace.Search.Relevance;

namespace Marketplace.Search.Tests.Relevance;

/// <summary>
/// The judged queries over the seed catalogue must not rank worse than the recorded floors. The floors sit a little
/// under the figures measured when they were recorded (see the README's search section), so a change that loses
/// relevance fails here instead of being noticed later.
/// </summary>
public sealed class RelevanceFloorTests
{
    private static readonly Lazy<IReadOnlyList<RankEvaluation.QueryOutcome>> Outcomes = new(() =>
    {
        var catalogue = SeedCatalogue.Published(SeedCatalogue.SeedFolder());
        using var index = Listings.IndexOf([.. catalogue]);
        return RankEvaluation.Run(index, catalogue, RelevanceSet.Load(RelevanceSet.DefaultPath()));
    });

    public static TheoryData<string, double, double, double, double> Floors => new()
    {
        // group, nDCG@10, Recall@10, MRR, Success@3 — measured 0.972 / 0.979 / 1.000 / 1.000 overall on 101 listings
        // (December 2026, after topics, matching alternatives and dictionary-term typo correction); raised from 0.94.
        { "overall", 0.95, 0.96, 0.98, 0.98 },
        { "language:th", 0.94, 0.95, 0.97, 0.97 },
        { "language:en", 0.95, 0.95, 0.97, 0.97 },
        { "language:mixed", 0.96, 0.97, 0.97, 0.97 },
        { "kind:abbreviation", 0.92, 0.97, 0.97, 0.97 },
        { "kind:crosslang", 0.94, 0.97, 0.97, 0.97 },
        { "kind:variant", 0.93, 0.97, 0.97, 0.97 },
        { "kind:province", 0.94, 0.97, 0.97, 0.97 },
        { "kind:decoy", 0.96, 0.97, 0.97, 0.97 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Judged_queries_rank_at_least_as_well_as_the_recorded_floor(string group, double ndcg, double recall, double mrr, double success3)
    {
        AssertAtLeast(Outcomes.Value, group, ndcg, recall, mrr, success3);
    }

    private static readonly Lazy<IReadOnlyList<RankEvaluation.QueryOutcome>> FreshOutcomes = new(() =>
    {
        var catalogue = SeedCatalogue.Published(SeedCatalogue.SeedFolder());
        using var index = Listings.IndexOf([.. catalogue]);
        return RankEvaluation.Run(index, catalogue, RelevanceSet.Load(RelevanceSet.Find("fresh-judgments.tsv")));
    });

    /// <summary>
    /// The fresh set (fresh-judgments.tsv): stranger-style queries written before they were run. nDCG@10, Recall@10,
    /// MRR, Success@3 overall: 0.912 / 0.954 / 0.954 / 0.974 before the dictionary changes of December 2026 that were
    /// tuned on its misses, 0.933 / 0.971 / 0.969 / 0.974 after. Its kept-aside check (fresh-holdout.tsv, never tuned
    /// on) measured 0.890 / 0.917 / 0.944 / 1.000 both before and after.
    /// </summary>
    public static TheoryData<string, double, double, double, double> FreshFloors => new()
    {
        // group, nDCG@10, Recall@10, MRR, Success@3 — a little under the figures measured after the tuning.
        { "overall", 0.92, 0.96, 0.95, 0.96 },
        { "language:th", 0.88, 0.94, 0.92, 0.91 },
        { "language:en", 0.93, 0.96, 0.97, 0.98 },
        { "language:mixed", 0.91, 0.97, 0.97, 0.97 },
        { "kind:natural", 0.87, 0.91, 0.94, 0.93 },
        { "kind:synonym", 0.92, 0.95, 0.93, 0.95 },
        { "kind:crosslang", 0.91, 0.97, 0.97, 0.97 },
    };

    [Theory]
    [MemberData(nameof(FreshFloors))]
    public void Fresh_queries_rank_at_least_as_well_as_the_recorded_floor(string group, double ndcg, double recall, double mrr, double success3)
    {
        AssertAtLeast(FreshOutcomes.Value, group, ndcg, recall, mrr, success3);
    }

    [Fact]
    public void The_fresh_set_and_its_kept_aside_check_judge_only_published_listings()
    {
        var slugs = SeedCatalogue.Published(SeedCatalogue.SeedFolder()).Select(d => d.Slug).ToHashSet();
        var fresh = RelevanceSet.Load(RelevanceSet.Find("fresh-judgments.tsv"));
        var kept = RelevanceSet.Load(RelevanceSet.Find("fresh-holdout.tsv"));

        Assert.True(fresh.Count >= 60, $"{fresh.Count} fresh queries");
        Assert.NotEmpty(kept);
        Assert.DoesNotContain(fresh.Concat(kept).SelectMany(q => q.Grades.Keys), s => !slugs.Contains(s));
        Assert.Empty(fresh.Select(q => q.Text).Intersect(kept.Select(q => q.Text)));
    }

    [Fact]
    public void English_queries_reach_listings_written_only_in_thai_through_the_dictionaries()
    {
        var catalogue = SeedCatalogue.ThaiOnly(SeedCatalogue.Published(SeedCatalogue.SeedFolder()));
        using var index = Listings.IndexOf([.. catalogue]);
        var english = RankEvaluation.Groups(RankEvaluation.Run(index, catalogue, RelevanceSet.Load(RelevanceSet.DefaultPath())))
            .Single(g => g.Group == "language:en").Metrics;

        // Measured Recall@10 0.948 and MRR 0.972 (0.906 and 0.931 before a misspelt word could reach a glossary term).
        Assert.True(english.Recall10 >= 0.92, $"English Recall@10 over Thai-only listings {english.Recall10:F3} < 0.92");
        Assert.True(english.Mrr >= 0.94, $"English MRR over Thai-only listings {english.Mrr:F3} < 0.94");
    }

    [Fact]
    public void The_relevance_set_has_at_least_80_queries_judging_only_published_listings()
    {
        var slugs = SeedCatalogue.Published(SeedCatalogue.SeedFolder()).Select(d => d.Slug).ToHashSet();
        var queries = RelevanceSet.Load(RelevanceSet.DefaultPath());

        Assert.True(queries.Count >= 80, $"{queries.Count} queries");
        Assert.DoesNotContain(queries.SelectMany(q => q.Grades.Keys), s => !slugs.Contains(s));
        Assert.All(queries, q => Assert.Contains(q.Language, new[] { "th", "en", "mixed" }));
    }

    [Fact]
    public void The_seed_catalogue_has_at_least_100_published_listings()
    {
        Assert.True(SeedCatalogue.Published(SeedCatalogue.SeedFolder()).Count >= 100);
    }

    private static void AssertAtLeast(IReadOnlyList<RankEvaluation.QueryOutcome> outcomes, string group, double ndcg, double recall, double mrr, double success3)
    {
        var metrics = RankEvaluation.Groups(outcomes).Single(g => g.Group == group).Metrics;

        Assert.True(metrics.Ndcg10 >= ndcg, $"{group} nDCG@10 {metrics.Ndcg10:F3} < {ndcg}");
        Assert.True(metrics.Recall10 >= recall, $"{group} Recall@10 {metrics.Recall10:F3} < {recall}");
        Assert.True(metrics.Mrr >= mrr, $"{group} MRR {metrics.Mrr:F3} < {mrr}");
        Assert.True(metrics.Success3 >= success3, $"{group} Success@3 {metrics.Success3:F3} < {success3}");
    }
}
