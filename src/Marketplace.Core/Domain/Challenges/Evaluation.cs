using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

public enum Declaration { Pending, NoConflict, Conflict }

/// <summary>
/// A member of a challenge's evaluation panel: the buyer who posted it, or a colleague from the same agency it
/// invited. Nobody on the panel sees proposals before declaring; a declared conflict excludes the member for good.
/// </summary>
public sealed class Evaluator
{
    public const int MaxNoteLength = 1000;

    private Evaluator() { }

    internal Evaluator(string userId, string? invitedByUserId, DateTimeOffset now)
    {
        UserId = userId;
        InvitedByUserId = invitedByUserId;
        InvitedAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public string UserId { get; private set; } = "";
    public string? InvitedByUserId { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public Declaration Declaration { get; private set; }
    public string? ConflictNote { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }

    public bool MayEvaluate => Declaration == Declaration.NoConflict;

    internal void Declare(bool conflict, string? note, DateTimeOffset now)
    {
        if (Declaration != Declaration.Pending)
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Evaluation.YouHaveAlreadyDeclaredADeclaration"));
        if (conflict && string.IsNullOrWhiteSpace(note))
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Evaluation.BrieflyDescribeTheConflictOfInterest"));
        Declaration = conflict ? Declaration.Conflict : Declaration.NoConflict;
        ConflictNote = conflict ? note!.Trim() : null;
        DeclaredAt = now;
    }
}

/// <summary>One evaluator's 0–10 scores for one proposal, one per criterion in the challenge's order, with a comment.</summary>
public sealed class ProposalScore
{
    public const int MaxCommentLength = 2000;

    private ProposalScore() { }

    internal ProposalScore(int proposalId, string evaluatorUserId, IReadOnlyList<int> scores, string? comment, DateTimeOffset now)
    {
        ProposalId = proposalId;
        EvaluatorUserId = evaluatorUserId;
        Replace(scores, comment, now);
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public string EvaluatorUserId { get; private set; } = "";
    public IReadOnlyList<int> Scores { get; private set; } = [];
    public string? Comment { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }

    internal void Replace(IReadOnlyList<int> scores, string? comment, DateTimeOffset now)
    {
        Scores = scores.ToList();
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
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
            total += Mean(scoresByEvaluator, i) * criteria[i].Weight / 10m;
        return decimal.Round(total, 2);
    }

    /// <summary>The evaluators' mean for one criterion.</summary>
    public static decimal Mean(IReadOnlyList<IReadOnlyList<int>> scoresByEvaluator, int criterion) =>
        scoresByEvaluator.Count == 0 ? 0 : (decimal)scoresByEvaluator.Sum(s => s[criterion]) / scoresByEvaluator.Count;

    public static IReadOnlyList<int> Ranks(IReadOnlyList<decimal> totals) =>
        totals.Select(t => 1 + totals.Count(other => other > t)).ToList();
}
