using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

public enum ChallengeState { Draft, Submitted, Published, Closed, Evaluating, Awarded, Cancelled }

/// <summary>
/// A problem an agency posts for startups to solve. The proposal window is measured from publication to
/// the proposal deadline: under 14 days is refused (vendors cannot answer well), under 28 days is allowed with
/// a warning and flagged in the award register.
/// </summary>
public sealed class Challenge
{
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan RecommendedWindow = TimeSpan.FromDays(28);

    private Challenge() { }

    public Challenge(int agencyId, string postedByUserId, string slug, ChallengeContent content,
        DateTimeOffset questionsDeadline, DateTimeOffset proposalsDeadline, DateTimeOffset now)
    {
        AgencyId = agencyId;
        PostedByUserId = postedByUserId;
        Slug = slug;
        CreatedAt = now;
        Edit(content, questionsDeadline, proposalsDeadline);
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
    public string? Reason { get; private set; }

    public bool IsOpenForProposals(DateTimeOffset now) => State == ChallengeState.Published && now < ProposalsDeadline;

    public bool IsOpenForQuestions(DateTimeOffset now) => State == ChallengeState.Published && now < QuestionsDeadline;

    /// <summary>From publication (or now, before it) to the proposal deadline.</summary>
    public TimeSpan ProposalWindow(DateTimeOffset now) => ProposalsDeadline - (PublishedAt ?? now);

    public void Edit(ChallengeContent content, DateTimeOffset questionsDeadline, DateTimeOffset proposalsDeadline)
    {
        if (State is not (ChallengeState.Draft or ChallengeState.Submitted))
            Refuse("แก้ไขได้เฉพาะโจทย์ที่ยังไม่เผยแพร่", "Only a challenge that is not yet published can be edited");
        if (questionsDeadline > proposalsDeadline)
            Refuse("กำหนดส่งคำถามต้องอยู่ก่อนกำหนดส่งข้อเสนอ", "The questions deadline must come before the proposals deadline");
        Content = content;
        QuestionsDeadline = questionsDeadline;
        ProposalsDeadline = proposalsDeadline;
        State = ChallengeState.Draft;
    }

    public void Submit(DateTimeOffset now)
    {
        if (State != ChallengeState.Draft)
            Refuse("ส่งตรวจได้เฉพาะฉบับร่าง", "Only a draft can be submitted");
        RequireWindow(now);
        State = ChallengeState.Submitted;
        SubmittedAt = now;
    }

    public void Publish(Organisation agency, DateTimeOffset now)
    {
        if (State != ChallengeState.Submitted)
            Refuse("เผยแพร่ได้เฉพาะโจทย์ที่ส่งตรวจแล้ว", "Only a submitted challenge can be published");
        if (agency.Id != AgencyId || agency.Verification != VerificationState.Verified)
            Refuse("เผยแพร่ได้เฉพาะโจทย์ของหน่วยงานที่ยืนยันแล้ว", "Only a verified agency's challenge can be published");
        RequireWindow(now);
        State = ChallengeState.Published;
        PublishedAt = now;
    }

    /// <summary>Sends a submitted challenge back to draft with the moderator's reason.</summary>
    public void ReturnToDraft(string reason)
    {
        if (State != ChallengeState.Submitted)
            Refuse("ส่งกลับได้เฉพาะโจทย์ที่ส่งตรวจแล้ว", "Only a submitted challenge can be sent back");
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

    public void StartEvaluation(DateTimeOffset now)
    {
        CloseIfDue(now);
        if (State != ChallengeState.Closed)
            Refuse("เริ่มประเมินได้หลังปิดรับข้อเสนอแล้ว", "Evaluation starts once proposals have closed");
        State = ChallengeState.Evaluating;
    }

    public void MarkAwarded(DateTimeOffset awardedAt)
    {
        if (State != ChallengeState.Evaluating)
            Refuse("ประกาศผลได้ระหว่างการประเมินเท่านั้น", "An award can be made only during evaluation");
        State = ChallengeState.Awarded;
        AwardedAt = awardedAt;
    }

    public void Cancel(string reason)
    {
        if (State is ChallengeState.Awarded or ChallengeState.Cancelled)
            Refuse("โจทย์นี้ปิดไปแล้ว", "This challenge is already finished");
        RequireReason(reason);
        Reason = reason.Trim();
        State = ChallengeState.Cancelled;
    }

    private void RequireWindow(DateTimeOffset now)
    {
        if (ProposalsDeadline - now < MinimumWindow)
            Refuse("ระยะเวลารับข้อเสนอต้องไม่น้อยกว่า 14 วัน เลื่อนกำหนดส่งข้อเสนอออกไป",
                "The proposal window must be at least 14 days: move the proposals deadline later");
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            Refuse("ระบุเหตุผล", "Give a reason");
    }

    private static void Refuse(string thai, string english) => throw new DomainRuleException(Bi.T(thai, english));
}
