using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Transparency.Ocds;

/// <summary>What the feed needs to know about one public challenge and its winners.</summary>
public sealed record ChallengeFacts(int Id, string Slug, ChallengeContent Content, OrganisationName Agency,
    DateTimeOffset PublishedAt, DateTimeOffset QuestionsDeadline, DateTimeOffset ProposalsDeadline, DateTimeOffset? AwardedAt,
    int StandingProposals, IReadOnlyList<WinningProposal> Winners)
{
    /// <summary>Set for a cancelled challenge: when, and the public reason.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancellationReason { get; init; }

    /// <summary>The challenge's public documents (terms of reference, specifications, clarification attachments).</summary>
    public IReadOnlyList<OcdsDocument> Documents { get; init; } = [];
}

public sealed record WinningProposal(int ProposalId, OrganisationName Vendor, long ContractValueSatang)
{
    /// <summary>The contract date the agency recorded with the award (a Bangkok date).</summary>
    public DateOnly? ContractDate { get; init; }
}

/// <summary>
/// One release per event in a challenge's life. A release is a snapshot of what became known at that moment, so the
/// tender release says nothing about proposals (unknown at publication) and the award release adds only what the
/// award made known: the winners, the values and how many proposals competed.
/// </summary>
public static class OcdsReleases
{
    public const string Currency = "THB";

    /// <summary>Thailand keeps UTC+7 all year: a Bangkok date starts at 00:00+07:00.</summary>
    private static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    /// <summary>The tender was cancelled before any award: OCDS's tenderCancellation, with the agency's public reason.</summary>
    public static OcdsRelease Cancellation(ChallengeFacts c, DateTimeOffset cancelledAt)
    {
        var tender = new OcdsTender
        {
            Id = c.Slug,
            Title = c.Content.TitleTh,
            TitleEn = c.Content.TitleEn,
            Status = "cancelled",
            StatusDetails = c.CancellationReason,
            ProcuringEntity = Reference(c.Agency),
            TenderPeriod = new OcdsPeriod(c.PublishedAt, c.ProposalsDeadline),
        };
        return new OcdsRelease(OcdsIdentifiers.Ocid(c.Id), OcdsIdentifiers.CancellationRelease(c.Id), cancelledAt, ["tenderCancellation"],
            "tender", "th", [Buyer(c.Agency)], Reference(c.Agency), tender);
    }

    public static OcdsRelease Tender(ChallengeFacts c)
    {
        var buyer = Reference(c.Agency);
        var tender = new OcdsTender
        {
            Id = c.Slug,
            Title = c.Content.TitleTh,
            TitleEn = c.Content.TitleEn,
            Description = c.Content.ProblemTh,
            DescriptionEn = c.Content.ProblemEn,
            Status = "active",
            ProcuringEntity = buyer,
            Value = Baht(c.Content.BudgetMaxSatang),
            MinValue = Baht(c.Content.BudgetMinSatang),
            ProcurementMethod = "open",
            TenderPeriod = new OcdsPeriod(c.PublishedAt, c.ProposalsDeadline),
            EnquiryPeriod = new OcdsPeriod(c.PublishedAt, c.QuestionsDeadline),
            Documents = c.Documents.Count == 0 ? null : c.Documents,
        };
        return new OcdsRelease(OcdsIdentifiers.Ocid(c.Id), OcdsIdentifiers.TenderRelease(c.Id), c.PublishedAt, ["tender"], "tender",
            "th", [Buyer(c.Agency)], buyer, tender);
    }

    public static OcdsRelease Award(ChallengeFacts c, DateTimeOffset awardedAt)
    {
        var parties = new List<OcdsParty> { Buyer(c.Agency) };
        // A vendor could in principle win two lots of one challenge; it is still one party.
        parties.AddRange(c.Winners.Select(w => w.Vendor).DistinctBy(v => v.Id)
            .Select(v => Party(v, ["supplier", "tenderer"])));
        var tender = new OcdsTender
        {
            Id = c.Slug,
            Title = c.Content.TitleTh,
            TitleEn = c.Content.TitleEn,
            Status = "complete",
            NumberOfTenderers = c.StandingProposals,
        };
        var awards = c.Winners.Select(w => new OcdsAward(OcdsIdentifiers.Award(c.Id, w.ProposalId), "active", awardedAt,
            Baht(w.ContractValueSatang), [Reference(w.Vendor)])).ToList();
        // Each winner's contract as the agency recorded it with the award: its value and the date it was signed.
        var contracts = c.Winners.Select(w => new OcdsContract(OcdsIdentifiers.Contract(c.Id, w.ProposalId), OcdsIdentifiers.Award(c.Id, w.ProposalId),
            c.Content.TitleTh, c.Content.TitleEn, "active", w.ContractDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BangkokOffset) : awardedAt,
            Baht(w.ContractValueSatang), null, null)).ToList();
        return new OcdsRelease(OcdsIdentifiers.Ocid(c.Id), OcdsIdentifiers.AwardRelease(c.Id), awardedAt, ["award", "contract"], "tender",
            "th", parties, Reference(c.Agency), tender, awards)
        { Contracts = contracts };
    }

    /// <summary>OCDS amounts are numbers in the currency's unit; satang are exact in decimal, never a float.</summary>
    public static OcdsValue Baht(long satang) => new(satang / 100m, Currency);

    private static OcdsParty Buyer(OrganisationName agency) => Party(agency, ["buyer", "procuringEntity"]);

    private static OcdsParty Party(OrganisationName o, IReadOnlyList<string> roles) =>
        new(OcdsIdentifiers.Party(o.Slug), o.NameTh, o.NameEn, roles);

    private static OcdsOrganisationReference Reference(OrganisationName o) => new(OcdsIdentifiers.Party(o.Slug), o.NameTh);
}
