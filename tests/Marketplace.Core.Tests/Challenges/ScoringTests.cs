using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Tests.Challenges;

public sealed class ScoringTests
{
    private static readonly Criterion[] Criteria = [new("แนวทาง", null, 50), new("ราคา", null, 30), new("ประสบการณ์", null, 20)];

    [Fact]
    public void A_perfect_proposal_scores_one_hundred_and_weights_apply_per_criterion()
    {
        Assert.Equal(100m, Scoring.WeightedTotal(Criteria, [[10, 10, 10]]));
        Assert.Equal(50m, Scoring.WeightedTotal(Criteria, [[10, 0, 0]]));
        Assert.Equal(85m, Scoring.WeightedTotal(Criteria, [[9, 8, 8]]));
    }

    [Fact]
    public void Several_evaluators_are_averaged_per_criterion()
    {
        // Means 7, 9, 4 → 7×5 + 9×3 + 4×2 = 70.
        Assert.Equal(70m, Scoring.WeightedTotal(Criteria, [[6, 10, 3], [8, 8, 5]]));
    }

    [Fact]
    public void An_unscored_proposal_totals_zero()
    {
        Assert.Equal(0m, Scoring.WeightedTotal(Criteria, []));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_is_skipped()
    {
        Assert.Equal([2, 1, 2, 4], Scoring.Ranks([80m, 91.5m, 80m, 12m]));
    }
}
