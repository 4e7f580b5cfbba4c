using System.Linq.Expressions;

namespace Marketplace.Core.Domain.Challenges;

/// <summary>
/// The one definition of each question people ask about a challenge. Each rule is an expression, so the same words
/// filter database queries and open-data feeds and answer for a loaded challenge (<see cref="ChallengeRule.Holds"/>).
/// </summary>
public static class ChallengeRules
{
    /// <summary>Anyone may read it: it passed moderation and was published. Drafts and challenges waiting for NIA never are.</summary>
    public static readonly ChallengeRule Public = new((c, now) =>
        c.PublishedAt != null && c.State != ChallengeState.Draft && c.State != ChallengeState.Submitted);

    public static readonly ChallengeRule OpenForQuestions = new((c, now) => c.State == ChallengeState.Published && now < c.QuestionsDeadline);

    public static readonly ChallengeRule OpenForProposals = new((c, now) => c.State == ChallengeState.Published && now < c.ProposalsDeadline);

    /// <summary>
    /// Proposals stay sealed from the agency until the proposal deadline whatever state the challenge is in, and a
    /// cancelled challenge's proposals are never opened: cancelling must not become a way to peek at prices.
    /// </summary>
    public static readonly ChallengeRule Sealed = new((c, now) =>
        c.State == ChallengeState.Cancelled || c.PublishedAt == null || now < c.ProposalsDeadline);

    /// <summary>Published once and no longer taking proposals (closed, in evaluation, awarded or cancelled).</summary>
    public static readonly ChallengeRule Closed = new((c, now) =>
        c.PublishedAt != null && c.State != ChallengeState.Draft && c.State != ChallengeState.Submitted
        && !(c.State == ChallengeState.Published && now < c.ProposalsDeadline));
}

/// <summary>A rule about a challenge at a moment, usable in LINQ to SQL and in memory alike.</summary>
public sealed class ChallengeRule
{
    private readonly Expression<Func<Challenge, DateTimeOffset, bool>> _definition;
    private readonly Func<Challenge, DateTimeOffset, bool> _compiled;

    public ChallengeRule(Expression<Func<Challenge, DateTimeOffset, bool>> definition)
    {
        _definition = definition;
        _compiled = definition.Compile();
    }

    public bool Holds(Challenge challenge, DateTimeOffset now) => _compiled(challenge, now);

    /// <summary>The rule as a query filter; the moment becomes a query parameter.</summary>
    public Expression<Func<Challenge, bool>> At(DateTimeOffset now)
    {
        var moment = Expression.Property(Expression.Constant(new Moment(now)), nameof(Moment.Now));
        var body = new Substitute(_definition.Parameters[1], moment).Visit(_definition.Body);
        return Expression.Lambda<Func<Challenge, bool>>(body, _definition.Parameters[0]);
    }

    public Expression<Func<Challenge, bool>> NotAt(DateTimeOffset now)
    {
        var holds = At(now);
        return Expression.Lambda<Func<Challenge, bool>>(Expression.Not(holds.Body), holds.Parameters);
    }

    private sealed record Moment(DateTimeOffset Now);

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

public static class ChallengeRuleQueries
{
    public static IQueryable<Challenge> Where(this IQueryable<Challenge> challenges, ChallengeRule rule, DateTimeOffset now) =>
        challenges.Where(rule.At(now));
}
