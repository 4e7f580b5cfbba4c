using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

public enum ProposalState { Submitted, Withdrawn, Shortlisted, Awarded, NotSelected }

/// <summary>
/// A vendor's answer to a challenge, received and changed only through <see cref="Challenge"/>: changeable until the
/// deadline, sealed from the agency until then (<see cref="ChallengeRules.Sealed"/>).
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    internal Proposal(int challengeId, int vendorId, string submittedByUserId, ProposalTerms terms, DateTimeOffset now)
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

    /// <summary>For a proposal not chosen: its weighted total out of 100, shown with the feedback in the reader's language.</summary>
    public decimal? WeightedTotal { get; private set; }

    internal void Change(ProposalTerms terms, DateTimeOffset now)
    {
        if (State == ProposalState.Withdrawn)
            State = ProposalState.Submitted;
        Terms = terms;
        UpdatedAt = now;
    }

    internal void Withdraw(DateTimeOffset now)
    {
        if (State != ProposalState.Submitted)
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Proposal.OnlyAStandingProposalCanBe"));
        State = ProposalState.Withdrawn;
        UpdatedAt = now;
    }

    internal void Shortlist()
    {
        if (State != ProposalState.Submitted)
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Proposal.OnlyAStandingProposalCanBe2"));
        State = ProposalState.Shortlisted;
    }

    internal void Award(long contractValueSatang, DateOnly contractDate, string? message)
    {
        if (State is not (ProposalState.Submitted or ProposalState.Shortlisted))
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Proposal.OnlyAStandingProposalCanBe3"));
        if (contractValueSatang <= 0)
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Proposal.EnterAContractValueAboveZero"));
        State = ProposalState.Awarded;
        ContractValueSatang = contractValueSatang;
        ContractDate = contractDate;
        Feedback = message;
    }

    internal void NotSelected(string feedback, decimal weightedTotal)
    {
        State = ProposalState.NotSelected;
        Feedback = feedback;
        WeightedTotal = weightedTotal;
    }

    public bool IsStanding => State is ProposalState.Submitted or ProposalState.Shortlisted or ProposalState.Awarded or ProposalState.NotSelected;
}

/// <summary>What the vendor offers: price in satang, timeline in days, the listed solution it builds on.</summary>
public sealed record ProposalTerms(int ListingId, string Approach, long PriceSatang, int TimelineDays);
