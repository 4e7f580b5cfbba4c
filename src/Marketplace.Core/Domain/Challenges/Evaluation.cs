namespace Marketplace.Core.Domain.Challenges;

/// <summary>An evaluator's declaration that they have no conflict of interest in a challenge; required before scoring.</summary>
public sealed class ConflictDeclaration
{
    private ConflictDeclaration() { }

    public ConflictDeclaration(int challengeId, string evaluatorUserId, DateTimeOffset now)
    {
        ChallengeId = challengeId;
        EvaluatorUserId = evaluatorUserId;
        DeclaredAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public string EvaluatorUserId { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>One evaluator's 0–10 scores for one proposal, one per criterion in the challenge's order.</summary>
public sealed class ProposalScore
{
    private ProposalScore() { }

    public ProposalScore(int proposalId, string evaluatorUserId, IReadOnlyList<int> scores, DateTimeOffset now)
    {
        ProposalId = proposalId;
        EvaluatorUserId = evaluatorUserId;
        Scores = scores;
        ScoredAt = now;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public string EvaluatorUserId { get; private set; } = "";
    public IReadOnlyList<int> Scores { get; private set; } = [];
    public DateTimeOffset ScoredAt { get; private set; }

    public void Replace(IReadOnlyList<int> scores, DateTimeOffset now)
    {
        Scores = scores;
        ScoredAt = now;
    }
}

/// <summary>
/// The arithmetic of evaluation: a proposal's total is Σ(mean score × weight) / 10, so a perfect proposal scores 100.
/// Proposals with equal totals share a rank (1, 2, 2, 4).
/// </summary>
public static class Scoring
{
    public static decimal WeightedTotal(IReadOnlyList<Criterion> criteria, IReadOnlyList<IReadOnlyList<int>> scoresByEvaluator)
    {
        if (scoresByEvaluator.Count == 0)
            return 0;
        decimal total = 0;
        for (var i = 0; i < criteria.Count; i++)
        {
            var mean = (decimal)scoresByEvaluator.Sum(s => s[i]) / scoresByEvaluator.Count;
            total += mean * criteria[i].Weight / 10m;
        }
        return decimal.Round(total, 2);
    }

    public static IReadOnlyList<int> Ranks(IReadOnlyList<decimal> totals) =>
        totals.Select(t => 1 + totals.Count(other => other > t)).ToList();
}
