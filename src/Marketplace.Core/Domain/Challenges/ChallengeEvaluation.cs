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
            throw new ForbiddenException(Bi.T("เฉพาะผู้ประกาศโจทย์เชิญผู้ประเมินได้", "Only the person who posted the challenge can invite evaluators"));
        if (colleagueAgencyId != AgencyId)
            Refuse("ผู้ประเมินต้องเป็นเจ้าหน้าที่ของหน่วยงานเดียวกัน", "An evaluator must be a member of the same agency");
        if (PanelMember(colleagueUserId) is not null)
            Refuse("บุคคลนี้อยู่ในคณะผู้ประเมินแล้ว", "This person is already on the panel");
        if (State is ChallengeState.Awarded or ChallengeState.Cancelled)
            Refuse("โจทย์นี้ปิดไปแล้ว", "This challenge is already finished");
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
            Refuse("ประกาศได้ระหว่างการประเมินเท่านั้น", "Declarations are made during evaluation");
        member.Declare(conflict, note, now);
        if (State == ChallengeState.Closed)
            State = ChallengeState.Evaluating;
    }

    /// <summary>Proposals, prices and scores are shown only to a panel member without a conflict, after the deadline.</summary>
    public Evaluator RequireCanSeeProposals(string? userId, DateTimeOffset now)
    {
        var member = RequireOnPanel(userId, now);
        if (member.Declaration == Declaration.Conflict)
            throw new ForbiddenException(Bi.T("คุณประกาศว่ามีผลประโยชน์ทับซ้อน จึงไม่ได้ร่วมประเมินโจทย์นี้",
                "You declared a conflict of interest, so you are excluded from this evaluation"));
        if (member.Declaration == Declaration.Pending)
            Refuse("ประกาศว่าไม่มีผลประโยชน์ทับซ้อนก่อนดูข้อเสนอ", "Declare that you have no conflict of interest before seeing the proposals");
        return member;
    }

    public ProposalScore Score(string? userId, Proposal proposal, ProposalScore? existing, IReadOnlyList<int> scores, string? comment, DateTimeOffset now)
    {
        RequireEvaluating(userId, now);
        RequireOwn(proposal);
        if (proposal.State is not (ProposalState.Submitted or ProposalState.Shortlisted))
            Refuse("ให้คะแนนได้เฉพาะข้อเสนอที่ยื่นอยู่", "Only a standing proposal can be scored");
        if (scores.Count != Content.Criteria.Count || scores.Any(s => s is < 0 or > 10))
            throw InvalidRequestException.For("Scores", Bi.T("ให้คะแนน 0–10 ทุกเกณฑ์", "Give every criterion a score from 0 to 10"));
        if (comment?.Length > ProposalScore.MaxCommentLength)
            throw InvalidRequestException.For("Comment", Bi.T("ความเห็นยาวได้ไม่เกิน 2,000 ตัวอักษร", "The comment must be 2,000 characters or fewer"));
        if (existing is null)
            return new ProposalScore(proposal.Id, userId!, scores, comment, now);
        if (existing.ProposalId != proposal.Id || existing.EvaluatorUserId != userId)
            Refuse("คะแนนนี้ไม่ใช่ของคุณ", "These scores are not yours");
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
            Refuse("เลือกข้อเสนอที่ได้รับงานอย่างน้อยหนึ่งรายการ", "Choose at least one winning proposal");
        if (!winners.Keys.All(id => standing.Any(p => p.Id == id)))
            throw InvalidRequestException.For("Winners", Bi.T("ข้อเสนอที่เลือกไม่ได้อยู่ในโจทย์นี้", "A chosen proposal does not belong to this challenge"));
        var scoredEverything = _panel.Where(e => e.MayEvaluate)
            .Any(e => standing.All(p => scores.Any(s => s.ProposalId == p.Id && s.EvaluatorUserId == e.UserId)));
        if (!scoredEverything)
            Refuse("ประกาศผลได้เมื่อผู้ประเมินที่ไม่มีผลประโยชน์ทับซ้อนอย่างน้อยหนึ่งคนให้คะแนนครบทุกข้อเสนอ",
                "An award needs at least one evaluator without a conflict of interest to have scored every standing proposal");
        var today = ChallengeDates.ThaiDay(now);
        if (contractDate > today.AddDays(ChallengeDates.LongestContractDaysAhead))
            throw InvalidRequestException.For("ContractDate", Bi.T("วันที่ทำสัญญาต้องไม่เกิน 30 วันจากวันนี้ หากพิมพ์ปี พ.ศ. ให้ตรวจสอบปีอีกครั้ง",
                "The contract date must be within 30 days from today: if you typed a Buddhist-era year, check it"));
        if (contractDate < ChallengeDates.ThaiDay(ProposalsDeadline))
            throw InvalidRequestException.For("ContractDate", Bi.T("วันที่ทำสัญญาต้องไม่ก่อนวันปิดรับข้อเสนอ", "The contract date cannot be before the proposals deadline"));

        foreach (var proposal in standing)
        {
            if (winners.TryGetValue(proposal.Id, out var value))
                proposal.Award(value, contractDate, null);
            else
                proposal.NotSelected(feedbackToOthers(proposal));
        }
        State = ChallengeState.Awarded;
        AwardedAt = now;
    }

    private Evaluator RequireEvaluating(string? userId, DateTimeOffset now)
    {
        var member = RequireCanSeeProposals(userId, now);
        if (State != ChallengeState.Evaluating)
            Refuse("ทำได้ระหว่างการประเมินเท่านั้น", "This can be done only during evaluation");
        return member;
    }

    /// <summary>The seal first (nobody sees anything before the deadline or after a cancellation), then the panel.</summary>
    public Evaluator RequireOnPanel(string? userId, DateTimeOffset now)
    {
        if (IsSealed(now))
            throw new ForbiddenException(State == ChallengeState.Cancelled
                ? Bi.T("โจทย์นี้ถูกยกเลิก ข้อเสนอจึงปิดผนึกตลอดไป", "This challenge was cancelled, so its proposals stay sealed for good")
                : Bi.T("ข้อเสนอยังปิดผนึกอยู่จนถึงกำหนดส่ง", "Proposals stay sealed until the deadline"));
        return PanelMember(userId) ?? throw new ForbiddenException(Bi.T("เฉพาะคณะผู้ประเมินของโจทย์นี้เท่านั้น", "Only this challenge's evaluation panel may do this"));
    }
}
