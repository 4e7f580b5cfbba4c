using Marketplace.Search.Relevance;

namespace Marketplace.Search.Tests.Relevance;

/// <summary>The target: a best vendor among the first three suggested for nine challenges in ten.</summary>
public sealed class ChallengeMatchingTests
{
    [Fact]
    public void A_best_vendor_is_in_the_top_three_for_nine_matchings_in_ten_in_either_language_or_both()
    {
        var catalogue = SeedCatalogue.Published(SeedCatalogue.SeedFolder());
        using var index = Listings.IndexOf([.. catalogue]);

        var outcomes = ChallengeMatching.Run(index, catalogue, SeedCatalogue.SeedFolder());

        // Measured 41 of 42 (14 challenges × Thai and English, Thai only, English only).
        Assert.Equal(42, outcomes.Count);
        var hits = outcomes.Count(o => o.BestRank is > 0 and <= 3);
        Assert.True(hits * 10 >= outcomes.Count * 9, ChallengeMatching.Table(outcomes));
    }
}
