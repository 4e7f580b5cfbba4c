using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Challenges;

/// <summary>The challenge's own rules, without a database: every refusal, and the seal whatever the state.</summary>
public sealed class ChallengeAggregateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);
    private const string Chair = "chair";
    private const string Colleague = "colleague";
    private const int AgencyId = 0;

    private readonly Challenge _challenge;
    private readonly DateTimeOffset _afterDeadline;
    private readonly Proposal _first;
    private readonly Proposal _second;

    public ChallengeAggregateTests()
    {
        var agency = new Organisation(OrganisationKind.Agency, "agency", new OrganisationProfile("หน่วยงาน", "Agency", "TH-10", null, "a@agency.example", null, null, null), null, Start);
        agency.Verify(Start);
        var content = new ChallengeContent
        {
            TitleTh = "โจทย์",
            BudgetMinSatang = 10_000_000,
            BudgetMaxSatang = 50_000_000,
            Criteria = [new Criterion("แนวทาง", null, 60), new Criterion("ราคา", null, 40)],
        };
        _challenge = new Challenge(AgencyId, Chair, "c", content, Start.AddDays(20), Start.AddDays(30), Start);
        _challenge.Submit(Start);
        _challenge.Publish(agency, Start);
        _afterDeadline = _challenge.ProposalsDeadline.AddHours(1);
        _first = WithId(_challenge.ReceiveProposal(1, "v1", Terms(40_000_000), null, Start.AddDays(1)), 11);
        _second = WithId(_challenge.ReceiveProposal(2, "v2", Terms(60_000_000), null, Start.AddDays(2)), 12);
    }

    private static ProposalTerms Terms(long price) => new(1, "แนวทาง", price, 90);

    private static Proposal WithId(Proposal proposal, int id)
    {
        typeof(Proposal).GetProperty(nameof(Proposal.Id))!.SetValue(proposal, id);
        return proposal;
    }

    private DateOnly ContractDate => ChallengeDates.ThaiDay(_afterDeadline).AddDays(3);

    private void Award(IReadOnlyList<ProposalScore> scores) =>
        _challenge.Award(Chair, [_first, _second], scores, new Dictionary<int, long> { [_first.Id] = 39_000_000 }, ContractDate, _ => "ขอบคุณ", _afterDeadline);

    [Fact]
    public void Cancelling_before_the_deadline_keeps_proposals_sealed_before_and_after_the_deadline()
    {
        Assert.Throws<ForbiddenException>(() => _challenge.RequireCanSeeProposals(Chair, Start.AddDays(5)));

        _challenge.Cancel("งบประมาณถูกตัด", Start.AddDays(5));

        Assert.True(_challenge.IsSealed(Start.AddDays(5)));
        Assert.True(_challenge.IsSealed(_afterDeadline.AddDays(100)));
        using (new EnglishCulture())
        {
            var refused = Assert.Throws<ForbiddenException>(() => _challenge.RequireCanSeeProposals(Chair, _afterDeadline.AddDays(100)));
            Assert.Contains("cancelled", refused.Message);
        }
        Assert.Throws<ForbiddenException>(() => _challenge.Declare(Chair, false, null, _afterDeadline));
    }

    [Fact]
    public void A_vendor_may_withdraw_after_a_cancellation_but_not_after_the_deadline_otherwise()
    {
        Assert.Throws<DomainRuleException>(() => _challenge.WithdrawProposal(_first, _afterDeadline));
        _challenge.Cancel("ยกเลิก", Start.AddDays(5));
        _challenge.WithdrawProposal(_first, _afterDeadline);
        Assert.Equal(ProposalState.Withdrawn, _first.State);
    }

    [Fact]
    public void A_draft_is_deleted_not_cancelled_and_a_finished_challenge_cannot_be_cancelled()
    {
        var draft = new Challenge(AgencyId, Chair, "d", _challenge.Content, Start.AddDays(20), Start.AddDays(30), Start);
        Assert.True(draft.CanBeDeleted);
        Assert.Throws<DomainRuleException>(() => draft.Cancel("ไม่ใช้แล้ว", Start));
        Assert.False(draft.IsPublic);

        Assert.Throws<DomainRuleException>(() => _challenge.Cancel(" ", Start));
        _challenge.Cancel("ยกเลิก", Start.AddDays(1));
        Assert.True(_challenge.IsPublic);
        Assert.Throws<DomainRuleException>(() => _challenge.Cancel("อีกครั้ง", Start.AddDays(2)));
    }

    [Fact]
    public void The_named_rules_follow_the_clock()
    {
        Assert.True(_challenge.IsOpenForQuestions(Start.AddDays(19)));
        Assert.False(_challenge.IsOpenForQuestions(Start.AddDays(21)));
        Assert.True(_challenge.IsOpenForProposals(Start.AddDays(21)));
        Assert.False(_challenge.IsClosed(Start.AddDays(21)));
        Assert.True(_challenge.IsSealed(Start.AddDays(29)));
        Assert.False(_challenge.IsOpenForProposals(_afterDeadline));
        Assert.True(_challenge.IsClosed(_afterDeadline));
        Assert.False(_challenge.IsSealed(_afterDeadline));
    }

    [Fact]
    public void Questions_and_proposals_are_refused_outside_their_windows()
    {
        Assert.Throws<DomainRuleException>(() => _challenge.Ask(1, "v1", "คำถาม", Start.AddDays(21)));
        var question = _challenge.Ask(1, "v1", "คำถาม", Start.AddDays(3));
        Assert.Throws<DomainRuleException>(() => _challenge.Answer(question, " ", Start.AddDays(4)));
        Assert.Throws<DomainRuleException>(() => _challenge.Answer(question, "คำตอบ", _afterDeadline));
        Assert.Throws<DomainRuleException>(() => _challenge.ReceiveProposal(3, "v3", Terms(1), null, _afterDeadline));
        Assert.Throws<DomainRuleException>(() => _challenge.ReceiveProposal(1, "v1", Terms(1), _first, _afterDeadline));
        Assert.Throws<DomainRuleException>(() => _challenge.InviteVendor(5, alreadyInvited: false, _afterDeadline));
        Assert.Throws<DomainRuleException>(() => _challenge.InviteVendor(5, alreadyInvited: true, Start.AddDays(3)));
    }

    [Fact]
    public void Only_the_chair_invites_and_only_colleagues_from_the_same_agency_once()
    {
        Assert.Throws<ForbiddenException>(() => _challenge.InviteEvaluator("someone", Colleague, AgencyId, Start));
        Assert.Throws<DomainRuleException>(() => _challenge.InviteEvaluator(Chair, Colleague, AgencyId + 1, Start));
        Assert.Throws<DomainRuleException>(() => _challenge.InviteEvaluator(Chair, Colleague, null, Start));
        _challenge.InviteEvaluator(Chair, Colleague, AgencyId, Start);
        Assert.Throws<DomainRuleException>(() => _challenge.InviteEvaluator(Chair, Colleague, AgencyId, Start));
        Assert.Equal([Chair, Colleague], _challenge.Panel.Select(e => e.UserId));
    }

    [Fact]
    public void A_member_declares_once_after_the_deadline_and_a_conflict_needs_a_note_and_excludes()
    {
        _challenge.InviteEvaluator(Chair, Colleague, AgencyId, Start);
        Assert.Throws<ForbiddenException>(() => _challenge.Declare(Colleague, false, null, Start.AddDays(29)));
        Assert.Throws<ForbiddenException>(() => _challenge.Declare("outsider", false, null, _afterDeadline));
        Assert.Throws<DomainRuleException>(() => _challenge.Declare(Colleague, true, " ", _afterDeadline));

        _challenge.Declare(Colleague, true, "พี่ชายเป็นผู้ถือหุ้นของผู้เสนอราย 1", _afterDeadline);

        Assert.Equal(ChallengeState.Evaluating, _challenge.State);
        Assert.Throws<DomainRuleException>(() => _challenge.Declare(Colleague, false, null, _afterDeadline));
        Assert.Throws<ForbiddenException>(() => _challenge.RequireCanSeeProposals(Colleague, _afterDeadline));
        Assert.Throws<ForbiddenException>(() => _challenge.Score(Colleague, _first, null, [5, 5], null, _afterDeadline));
        Assert.Throws<ForbiddenException>(() => _challenge.Shortlist(Colleague, _first, _afterDeadline));
    }

    [Fact]
    public void Scoring_needs_a_declaration_a_score_per_criterion_and_a_standing_proposal()
    {
        Assert.Throws<DomainRuleException>(() => _challenge.Score(Chair, _first, null, [5, 5], null, _afterDeadline));
        _challenge.Declare(Chair, false, null, _afterDeadline);
        Assert.Throws<InvalidRequestException>(() => _challenge.Score(Chair, _first, null, [5], null, _afterDeadline));
        Assert.Throws<InvalidRequestException>(() => _challenge.Score(Chair, _first, null, [5, 11], null, _afterDeadline));

        var score = _challenge.Score(Chair, _first, null, [8, 6], "  แนวทางชัดเจน  ", _afterDeadline);

        Assert.Equal([8, 6], score.Scores);
        Assert.Equal("แนวทางชัดเจน", score.Comment);
        var foreign = WithId(new Proposal(99, 3, "v3", Terms(1), Start), 13);
        Assert.Throws<DomainRuleException>(() => _challenge.Score(Chair, foreign, null, [5, 5], null, _afterDeadline));
    }

    [Fact]
    public void An_award_is_refused_without_declarations()
    {
        Assert.Throws<DomainRuleException>(() => Award([]));
        Assert.Equal(ChallengeState.Published, _challenge.State);
    }

    [Fact]
    public void An_award_is_refused_when_only_conflicted_evaluators_are_left_to_score()
    {
        _challenge.InviteEvaluator(Chair, Colleague, AgencyId, Start);
        _challenge.Declare(Colleague, true, "ญาติของผู้เสนอ", _afterDeadline);
        Assert.Throws<DomainRuleException>(() => Award([]));

        _challenge.Declare(Chair, false, null, _afterDeadline);
        var onlyOne = _challenge.Score(Chair, _first, null, [8, 8], null, _afterDeadline);
        Assert.Throws<DomainRuleException>(() => Award([onlyOne]));
        Assert.Equal(ChallengeState.Evaluating, _challenge.State);
    }

    [Fact]
    public void An_award_after_every_standing_proposal_is_scored_tells_the_others()
    {
        _challenge.Declare(Chair, false, null, _afterDeadline);
        var scores = new[] { _challenge.Score(Chair, _first, null, [8, 8], null, _afterDeadline), _challenge.Score(Chair, _second, null, [5, 5], null, _afterDeadline) };

        Award(scores);

        Assert.Equal((ChallengeState.Awarded, ProposalState.Awarded, ProposalState.NotSelected), (_challenge.State, _first.State, _second.State));
        Assert.Equal("ขอบคุณ", _second.Feedback);
    }

    [Fact]
    public void A_contract_date_far_ahead_or_before_the_deadline_is_refused()
    {
        _challenge.Declare(Chair, false, null, _afterDeadline);
        var scores = new[] { _challenge.Score(Chair, _first, null, [8, 8], null, _afterDeadline), _challenge.Score(Chair, _second, null, [5, 5], null, _afterDeadline) };
        var winners = new Dictionary<int, long> { [_first.Id] = 1 };
        var today = ChallengeDates.ThaiDay(_afterDeadline);

        var farAhead = Assert.Throws<InvalidRequestException>(() => _challenge.Award(Chair, [_first, _second], scores, winners, today.AddDays(31), _ => "", _afterDeadline));
        Assert.Equal("ContractDate", Assert.Single(farAhead.Errors).Field);
        Assert.Throws<InvalidRequestException>(() => _challenge.Award(Chair, [_first, _second], scores, winners, new DateOnly(3113, 6, 30), _ => "", _afterDeadline));
        Assert.Throws<InvalidRequestException>(() => _challenge.Award(Chair, [_first, _second], scores, winners, ChallengeDates.ThaiDay(Start), _ => "", _afterDeadline));
        Assert.Throws<InvalidRequestException>(() => _challenge.Award(Chair, [_first, _second], scores, new Dictionary<int, long> { [999] = 1 }, today, _ => "", _afterDeadline));
        Assert.Equal(ChallengeState.Evaluating, _challenge.State);
    }

    [Fact]
    public void A_price_above_the_top_of_the_budget_is_flagged()
    {
        Assert.False(_challenge.IsOverBudget(_first.Terms.PriceSatang));
        Assert.True(_challenge.IsOverBudget(_second.Terms.PriceSatang));
        Assert.False(_challenge.IsOverBudget(_challenge.Content.BudgetMaxSatang));
    }

    [Fact]
    public void Deadlines_in_the_past_or_more_than_a_year_ahead_are_refused_when_saved()
    {
        var draft = new Challenge(AgencyId, Chair, "d", _challenge.Content, Start.AddDays(20), Start.AddDays(30), Start);
        Assert.Throws<DomainRuleException>(() => draft.Edit(draft.Content, Start.AddDays(-2), Start.AddDays(30), Start));
        Assert.Throws<DomainRuleException>(() => draft.Edit(draft.Content, Start.AddDays(20), Start.AddDays(366), Start));
        // 2570 typed into a Gregorian field: the year 3113.
        var typo = ChallengeDates.EndOfThaiDay(new DateOnly(3113, 6, 30));
        Assert.Throws<DomainRuleException>(() => draft.Edit(draft.Content, Start.AddDays(20), typo, Start));
        Assert.Equal(Start.AddDays(30), draft.ProposalsDeadline);
    }
}
