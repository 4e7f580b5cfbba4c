using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

public enum ProposalState { Submitted, Withdrawn, Shortlisted, Awarded, NotSelected }

/// <summary>A vendor's answer to a challenge. Changeable until the deadline; sealed from the agency until then.</summary>
public sealed class Proposal
{
    private Proposal() { }

    public Proposal(int challengeId, int vendorId, string submittedByUserId, ProposalTerms terms, DateTimeOffset now)
    {
        ChallengeId = challengeId;
        VendorId = vendorId;
        SubmittedByUserId = submittedByUserId;
        Terms = terms;
        SubmittedAt = UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public int VendorId { get; private set; }
    public Organisation? Vendor { get; private set; }
    public string SubmittedByUserId { get; private set; } = "";
    public ProposalTerms Terms { get; private set; } = new(0, "", 0, 0);
    public ProposalState State { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long? ContractValueSatang { get; private set; }
    public DateOnly? ContractDate { get; private set; }
    public string? Feedback { get; private set; }

    public void Change(ProposalTerms terms, Challenge challenge, DateTimeOffset now)
    {
        RequireOpen(challenge, now);
        if (State == ProposalState.Withdrawn)
            State = ProposalState.Submitted;
        Terms = terms;
        UpdatedAt = now;
    }

    public void Withdraw(Challenge challenge, DateTimeOffset now)
    {
        RequireOpen(challenge, now);
        State = ProposalState.Withdrawn;
        UpdatedAt = now;
    }

    public void Shortlist()
    {
        if (State != ProposalState.Submitted)
            throw new DomainRuleException(Bi.T("คัดเลือกได้เฉพาะข้อเสนอที่ยื่นอยู่", "Only a standing proposal can be shortlisted"));
        State = ProposalState.Shortlisted;
    }

    public void Award(long contractValueSatang, DateOnly contractDate, string? message)
    {
        if (State is not (ProposalState.Submitted or ProposalState.Shortlisted))
            throw new DomainRuleException(Bi.T("มอบงานได้เฉพาะข้อเสนอที่ยื่นอยู่", "Only a standing proposal can be awarded"));
        if (contractValueSatang <= 0)
            throw new DomainRuleException(Bi.T("ระบุมูลค่าสัญญามากกว่า 0", "Enter a contract value above zero"));
        State = ProposalState.Awarded;
        ContractValueSatang = contractValueSatang;
        ContractDate = contractDate;
        Feedback = message;
    }

    public void NotSelected(string feedback)
    {
        State = ProposalState.NotSelected;
        Feedback = feedback;
    }

    public bool IsStanding => State is ProposalState.Submitted or ProposalState.Shortlisted or ProposalState.Awarded or ProposalState.NotSelected;

    private static void RequireOpen(Challenge challenge, DateTimeOffset now)
    {
        if (!challenge.IsOpenForProposals(now))
            throw new DomainRuleException(Bi.T("ปิดรับข้อเสนอแล้ว จึงแก้ไขหรือถอนไม่ได้", "Proposals have closed, so it can no longer be changed or withdrawn"));
    }
}

/// <summary>What the vendor offers: price in satang, timeline in days, the listed solution it builds on.</summary>
public sealed record ProposalTerms(int ListingId, string Approach, long PriceSatang, int TimelineDays);
