using Marketplace.Core.Common;

namespace Marketplace.Core.Domain;

public enum ChangeRequestState { Pending, Approved, Refused, Superseded }

/// <summary>
/// New legal names, juristic number or website for a verified organisation, waiting for a moderator.
/// The organisation keeps showing its verified values until the change is approved.
/// </summary>
public sealed class OrganisationChangeRequest
{
    private OrganisationChangeRequest() { }

    public OrganisationChangeRequest(int organisationId, string nameTh, string nameEn, string? juristicNumber, string? website,
        string requestedByUserId, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        NameTh = nameTh.Trim();
        NameEn = nameEn.Trim();
        JuristicNumber = juristicNumber;
        Website = string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        RequestedByUserId = requestedByUserId;
        RequestedAt = now;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? JuristicNumber { get; private set; }
    public string? Website { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public ChangeRequestState State { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }

    public void Approve(Organisation organisation, DateTimeOffset now)
    {
        EnsurePending();
        organisation.ApplyApprovedChange(this);
        State = ChangeRequestState.Approved;
        DecidedAt = now;
    }

    public void Refuse(string reason, DateTimeOffset now)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(Texts.Get("Domain.OrganisationChangeRequest.GiveTheReasonForRefusing"));
        State = ChangeRequestState.Refused;
        RefusalReason = reason.Trim();
        DecidedAt = now;
    }

    /// <summary>A newer request from the organisation replaces this one: a moderator decides only the latest wish.</summary>
    public void Supersede(DateTimeOffset now)
    {
        EnsurePending();
        State = ChangeRequestState.Superseded;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (State != ChangeRequestState.Pending)
            throw new DomainRuleException(Texts.Get("Domain.OrganisationChangeRequest.ThisRequestHasAlreadyBeenDecided"));
    }
}
