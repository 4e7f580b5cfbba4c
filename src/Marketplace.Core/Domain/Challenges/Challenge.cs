using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

public enum ChallengeState { Draft, Submitted, Published, Closed, Evaluating, Awarded, Cancelled }

/// <summary>
/// A problem an agency posts for startups to solve, and the aggregate that owns everything that happens to it:
/// questions, invitations, proposals, the evaluation panel, scores and the award. Every rule a handler used to check
/// lives here, so each move is refused with a bilingual reason whichever page or job attempts it. The proposal window
/// is measured from publication to the proposal deadline: under 14 days is refused (vendors cannot answer well),
/// under 28 days is allowed with a warning and flagged in the award register.
/// </summary>
public sealed partial class Challenge
{
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan RecommendedWindow = TimeSpan.FromDays(28);

    private readonly List<Evaluator> _panel = [];

    private Challenge() { }

    public Challenge(int agencyId, string postedByUserId, string slug, ChallengeContent content,
        DateTimeOffset questionsDeadline, DateTimeOffset proposalsDeadline, DateTimeOffset now)
    {
        AgencyId = agencyId;
        PostedByUserId = postedByUserId;
        Slug = slug;
        CreatedAt = now;
        Edit(content, questionsDeadline, proposalsDeadline, now);
        // Whoever posts the challenge chairs its evaluation panel and invites the other evaluators.
        _panel.Add(new Evaluator(postedByUserId, null, now));
    }

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Organisation? Agency { get; private set; }
    public string PostedByUserId { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public ChallengeContent Content { get; private set; } = new();
    public DateTimeOffset QuestionsDeadline { get; private set; }
    public DateTimeOffset ProposalsDeadline { get; private set; }
    public ChallengeState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? AwardedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? Reason { get; private set; }
    public IReadOnlyList<Evaluator> Panel => _panel;

    public bool IsPublic => ChallengeRules.Public.Holds(this, default);

    public bool IsOpenForProposals(DateTimeOffset now) => ChallengeRules.OpenForProposals.Holds(this, now);

    public bool IsOpenForQuestions(DateTimeOffset now) => ChallengeRules.OpenForQuestions.Holds(this, now);

    public bool IsSealed(DateTimeOffset now) => ChallengeRules.Sealed.Holds(this, now);

    public bool IsClosed(DateTimeOffset now) => ChallengeRules.Closed.Holds(this, now);

    /// <summary>A draft was never public: it is deleted, not cancelled, so nothing about it ever reaches the public.</summary>
    public bool CanBeDeleted => State is ChallengeState.Draft or ChallengeState.Submitted;

    /// <summary>A price above the top of the budget is allowed (the agency may find it worth it) but always flagged.</summary>
    public bool IsOverBudget(long priceSatang) => priceSatang > Content.BudgetMaxSatang;

    /// <summary>The state as people should read it: a published challenge past its deadline is closed even before the deadline job runs.</summary>
    public static ChallengeState StateSeenAt(ChallengeState state, DateTimeOffset proposalsDeadline, DateTimeOffset now) =>
        state == ChallengeState.Published && now >= proposalsDeadline ? ChallengeState.Closed : state;

    /// <summary>From publication (or now, before it) to the proposal deadline.</summary>
    public TimeSpan ProposalWindow(DateTimeOffset now) => ProposalsDeadline - (PublishedAt ?? now);

    public void Edit(ChallengeContent content, DateTimeOffset questionsDeadline, DateTimeOffset proposalsDeadline, DateTimeOffset now)
    {
        if (State is not (ChallengeState.Draft or ChallengeState.Submitted))
            Refuse(Texts.Get("Domain.Challenges.Challenge.OnlyAChallengeThatIsNot"));
        if (questionsDeadline > proposalsDeadline)
            Refuse(Texts.Get("Domain.Challenges.Challenge.TheQuestionsDeadlineMustComeBefore"));
        RequirePlausibleDeadline(questionsDeadline, now);
        RequirePlausibleDeadline(proposalsDeadline, now);
        Content = content;
        QuestionsDeadline = questionsDeadline;
        ProposalsDeadline = proposalsDeadline;
        State = ChallengeState.Draft;
        CopyRegisterColumns();
    }

    public void Submit(DateTimeOffset now)
    {
        if (State != ChallengeState.Draft)
            Refuse(Texts.Get("Domain.Challenges.Challenge.OnlyADraftCanBeSubmitted"));
        RequireWindow(now);
        State = ChallengeState.Submitted;
        SubmittedAt = now;
    }

    public void Publish(Organisation agency, DateTimeOffset now)
    {
        if (State != ChallengeState.Submitted)
            Refuse(Texts.Get("Domain.Challenges.Challenge.OnlyASubmittedChallengeCanBe"));
        if (agency.Id != AgencyId || agency.Verification != VerificationState.Verified)
            Refuse(Texts.Get("Domain.Challenges.Challenge.OnlyAVerifiedAgencySChallenge"));
        RequireWindow(now);
        State = ChallengeState.Published;
        PublishedAt = now;
        CopyRegisterColumns();
    }

    /// <summary>Sends a submitted challenge back to draft with the moderator's reason.</summary>
    public void ReturnToDraft(string reason)
    {
        if (State != ChallengeState.Submitted)
            Refuse(Texts.Get("Domain.Challenges.Challenge.OnlyASubmittedChallengeCanBe2"));
        RequireReason(reason);
        Reason = reason.Trim();
        State = ChallengeState.Draft;
    }

    /// <summary>Called by the deadline job and before any action that depends on the window.</summary>
    public bool CloseIfDue(DateTimeOffset now)
    {
        if (State != ChallengeState.Published || now < ProposalsDeadline)
            return false;
        State = ChallengeState.Closed;
        return true;
    }

    /// <summary>
    /// Only a published challenge is cancelled, publicly and with a reason; its proposals stay sealed for ever
    /// (<see cref="ChallengeRules.Sealed"/>) and their vendors may withdraw them.
    /// </summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (CanBeDeleted)
            Refuse(Texts.Get("Domain.Challenges.Challenge.AChallengeThatWasNeverPublished"));
        if (State is ChallengeState.Awarded or ChallengeState.Cancelled)
            Refuse(Texts.Get("Domain.Challenges.Challenge.ThisChallengeIsAlreadyFinished"));
        RequireReason(reason);
        Reason = reason.Trim();
        State = ChallengeState.Cancelled;
        CancelledAt = now;
    }

    public ChallengeQuestion Ask(int vendorId, string userId, string text, DateTimeOffset now)
    {
        if (!IsOpenForQuestions(now))
            Refuse(Texts.Get("Domain.Challenges.Challenge.TheDeadlineForQuestionsOnThis"));
        return new ChallengeQuestion(Id, vendorId, userId, text.Trim(), now);
    }

    /// <summary>Answers are public and may still help vendors until proposals close.</summary>
    public void Answer(ChallengeQuestion question, string text, DateTimeOffset now)
    {
        if (question.ChallengeId != Id)
            Refuse(Texts.Get("Domain.Challenges.Challenge.ThisQuestionDoesNotBelongTo"));
        if (!IsOpenForProposals(now))
            Refuse(Texts.Get("Domain.Challenges.Challenge.QuestionsCanBeAnsweredOnlyUntil"));
        question.AnswerWith(text, now);
    }

    public Invitation InviteVendor(int vendorId, bool alreadyInvited, DateTimeOffset now)
    {
        if (!IsOpenForProposals(now))
            Refuse(Texts.Get("Domain.Challenges.Challenge.YouCanInviteVendorsOnlyWhile"));
        if (alreadyInvited)
            Refuse(Texts.Get("Domain.Challenges.Challenge.ThisCompanyIsAlreadyInvited"));
        return new Invitation(Id, vendorId, now);
    }

    /// <summary>A vendor's first proposal, or a change to its existing one, while proposals are open.</summary>
    public Proposal ReceiveProposal(int vendorId, string userId, ProposalTerms terms, Proposal? existing, DateTimeOffset now)
    {
        if (!IsOpenForProposals(now))
            Refuse(Texts.Get("Domain.Challenges.Challenge.ThisChallengeIsNotOpenFor"));
        if (existing is null)
            return new Proposal(Id, vendorId, userId, terms, now);
        RequireOwn(existing);
        existing.Change(terms, now);
        return existing;
    }

    /// <summary>Until the deadline, or at any time once the challenge is cancelled (the vendor's work is its own again).</summary>
    public void WithdrawProposal(Proposal proposal, DateTimeOffset now)
    {
        RequireOwn(proposal);
        if (!IsOpenForProposals(now) && State != ChallengeState.Cancelled)
            Refuse(Texts.Get("Domain.Challenges.Challenge.ProposalsHaveClosedSoItCan"));
        proposal.Withdraw(now);
    }

    private void RequireOwn(Proposal proposal)
    {
        if (proposal.ChallengeId != Id)
            Refuse(Texts.Get("Domain.Challenges.Challenge.ThisProposalDoesNotBelongTo"));
    }

    private void RequireWindow(DateTimeOffset now)
    {
        if (ProposalsDeadline - now < MinimumWindow)
            Refuse(Texts.Get("Domain.Challenges.Challenge.TheProposalWindowMustBeAt"));
    }

    private static void RequirePlausibleDeadline(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline <= now)
            Refuse(Texts.Get("Domain.Challenges.Challenge.DeadlinesMustBeInTheFuture"));
        if (deadline - now > ChallengeDates.LongestDeadlineAhead)
            Refuse(Texts.Get("Domain.Challenges.Challenge.DeadlinesMustBeWithinAYear"));
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            Refuse(Texts.Get("Domain.Challenges.Challenge.GiveAReason"));
    }

    private static void Refuse(string message) => throw new DomainRuleException(message);
}
