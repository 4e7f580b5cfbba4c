using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

/// <summary>
/// The evaluation half of the aggregate: the panel, declarations, scores, the shortlist and the award. Each step checks
/// the seal first, then the person's place on the panel and declaration, then the state.
/// </summary>
public sealed partial class Challenge
{
    public Evaluator? PanelMember(string? userId) => _panel.SingleOrDefault(e => e.UserId == userId);

    /// <summary>The chair invites colleagues from the same agency, before the award.</summary>
    public Evaluator InviteEvaluator(string byUserId, string colleagueUserId, int? colleagueAgencyId, DateTimeOffset now)
    {
        if (byUserId != PostedByUserId)
            throw new ForbiddenException(Texts.Get("Domain.Challenges.ChallengeEvaluation.OnlyThePersonWhoPostedThe"));
        if (colleagueAgencyId != AgencyId)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.AnEvaluatorMustBeAMember"));
        if (PanelMember(colleagueUserId) is not null)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.ThisPersonIsAlreadyOnThe"));
        if (State is ChallengeState.Awarded or ChallengeState.Cancelled)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.ThisChallengeIsAlreadyFinished"));
        var evaluator = new Evaluator(colleagueUserId, byUserId, now);
        _panel.Add(evaluator);
        return evaluator;
    }

    /// <summary>
    /// The panel member declares, after the deadline and before seeing anything but the vendors' names. The first
    /// declaration moves a closed challenge into evaluation.
    /// </summary>
    public void Declare(string? userId, bool conflict, string? note, DateTimeOffset now)
    {
        var member = RequireOnPanel(userId, now);
        CloseIfDue(now);
        if (State is not (ChallengeState.Closed or ChallengeState.Evaluating))
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.DeclarationsAreMadeDuringEvaluation"));
        member.Declare(conflict, note, now);
        if (State == ChallengeState.Closed)
            State = ChallengeState.Evaluating;
    }

    /// <summary>Proposals, prices and scores are shown only to a panel member without a conflict, after the deadline.</summary>
    public Evaluator RequireCanSeeProposals(string? userId, DateTimeOffset now)
    {
        var member = RequireOnPanel(userId, now);
        if (member.Declaration == Declaration.Conflict)
            throw new ForbiddenException(Texts.Get("Domain.Challenges.ChallengeEvaluation.YouDeclaredAConflictOfInterest"));
        if (member.Declaration == Declaration.Pending)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.DeclareThatYouHaveNoConflict"));
        return member;
    }

    public ProposalScore Score(string? userId, Proposal proposal, ProposalScore? existing, IReadOnlyList<int> scores, string? comment, DateTimeOffset now)
    {
        RequireEvaluating(userId, now);
        RequireOwn(proposal);
        if (proposal.State is not (ProposalState.Submitted or ProposalState.Shortlisted))
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.OnlyAStandingProposalCanBe"));
        if (scores.Count != Content.Criteria.Count || scores.Any(s => s is < 0 or > 10))
            throw InvalidRequestException.For("Scores", Texts.Get("Domain.Challenges.ChallengeEvaluation.GiveEveryCriterionAScoreFrom"));
        if (comment?.Length > ProposalScore.MaxCommentLength)
            throw InvalidRequestException.For("Comment", Texts.Get("Domain.Challenges.ChallengeEvaluation.TheCommentMustBeCharactersOr"));
        if (existing is null)
            return new ProposalScore(proposal.Id, userId!, scores, comment, now);
        if (existing.ProposalId != proposal.Id || existing.EvaluatorUserId != userId)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.TheseScoresAreNotYours"));
        existing.Replace(scores, comment, now);
        return existing;
    }

    public void Shortlist(string? userId, Proposal proposal, DateTimeOffset now)
    {
        RequireEvaluating(userId, now);
        RequireOwn(proposal);
        proposal.Shortlist();
    }

    /// <summary>
    /// Awards the chosen proposals and tells every other standing proposal it was not selected. Refused until at least one
    /// evaluator without a conflict has scored every standing proposal, and with an implausible contract date.
    /// </summary>
    public void Award(string? userId, IReadOnlyList<Proposal> proposals, IReadOnlyList<ProposalScore> scores,
        IReadOnlyDictionary<int, long> winners, DateOnly contractDate, Func<Proposal, string> feedbackToOthers, DateTimeOffset now)
    {
        RequireEvaluating(userId, now);
        var standing = proposals.Where(p => p.State is ProposalState.Submitted or ProposalState.Shortlisted).ToList();
        if (winners.Count == 0)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.ChooseAtLeastOneWinningProposal"));
        if (!winners.Keys.All(id => standing.Any(p => p.Id == id)))
            throw InvalidRequestException.For("Winners", Texts.Get("Domain.Challenges.ChallengeEvaluation.AChosenProposalDoesNotBelong"));
        var scoredEverything = _panel.Where(e => e.MayEvaluate)
            .Any(e => standing.All(p => scores.Any(s => s.ProposalId == p.Id && s.EvaluatorUserId == e.UserId)));
        if (!scoredEverything)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.AnAwardNeedsAtLeastOne"));
        var today = ChallengeDates.ThaiDay(now);
        if (contractDate > today.AddDays(ChallengeDates.LongestContractDaysAhead))
            throw InvalidRequestException.For("ContractDate", Texts.Get("Domain.Challenges.ChallengeEvaluation.TheContractDateMustBeWithin"));
        if (contractDate < ChallengeDates.ThaiDay(ProposalsDeadline))
            throw InvalidRequestException.For("ContractDate", Texts.Get("Domain.Challenges.ChallengeEvaluation.TheContractDateCannotBeBefore"));

        foreach (var proposal in standing)
        {
            if (winners.TryGetValue(proposal.Id, out var value))
                proposal.Award(value, contractDate, null);
            else
                proposal.NotSelected(feedbackToOthers(proposal),
                    Scoring.WeightedTotal(Content.Criteria, scores.Where(s => s.ProposalId == proposal.Id).Select(s => s.Scores).ToList()));
        }
        State = ChallengeState.Awarded;
        AwardedAt = now;
    }

    private Evaluator RequireEvaluating(string? userId, DateTimeOffset now)
    {
        var member = RequireCanSeeProposals(userId, now);
        if (State != ChallengeState.Evaluating)
            Refuse(Texts.Get("Domain.Challenges.ChallengeEvaluation.ThisCanBeDoneOnlyDuring"));
        return member;
    }

    /// <summary>The seal first (nobody sees anything before the deadline or after a cancellation), then the panel.</summary>
    public Evaluator RequireOnPanel(string? userId, DateTimeOffset now)
    {
        if (IsSealed(now))
            throw new ForbiddenException(State == ChallengeState.Cancelled
                ? Texts.Get("Domain.Challenges.ChallengeEvaluation.ThisChallengeWasCancelledSoIts")
                : Texts.Get("Domain.Challenges.ChallengeEvaluation.ProposalsStaySealedUntilTheDeadline"));
        return PanelMember(userId) ?? throw new ForbiddenException(Texts.Get("Domain.Challenges.ChallengeEvaluation.OnlyThisChallengeSEvaluationPanel"));
    }
}
