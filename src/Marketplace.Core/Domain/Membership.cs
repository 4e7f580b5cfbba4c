using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain;

public enum MembershipRequestState { Pending, Approved, Refused }

/// <summary>
/// A person asks to join an existing organisation. Until an organisation admin or a moderator approves,
/// the person has no organisation: an e-mail address at the organisation's domain proves nothing.
/// </summary>
public sealed class MembershipRequest
{
    private MembershipRequest() { }

    public MembershipRequest(string userId, int organisationId, DateTimeOffset now)
    {
        UserId = userId;
        OrganisationId = organisationId;
        RequestedAt = now;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int OrganisationId { get; private set; }
    public MembershipRequestState State { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }

    /// <summary>Shown to the applicant, so it must say why and what to do instead.</summary>
    public string? RefusalReason { get; private set; }

    public void Approve(string deciderId, DateTimeOffset now)
    {
        EnsurePending();
        State = MembershipRequestState.Approved;
        DecidedByUserId = deciderId;
        DecidedAt = now;
    }

    public void Refuse(string deciderId, string reason, DateTimeOffset now)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(Texts.Get("Domain.Membership.GiveTheReasonForRefusingThe"));
        State = MembershipRequestState.Refused;
        RefusalReason = reason.Trim();
        DecidedByUserId = deciderId;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (State != MembershipRequestState.Pending)
            throw new DomainRuleException(Texts.Get("Domain.Membership.ThisRequestHasAlreadyBeenDecided"));
    }
}

/// <summary>
/// An organisation admin invites a teammate by e-mail. The link carries a random token of which only the
/// SHA-256 hash is stored; it works once, until it expires, and only for the account with the invited address.
/// </summary>
public sealed class MembershipInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private MembershipInvitation() { }

    private MembershipInvitation(int organisationId, string email, string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        Email = email;
        TokenHash = tokenHash;
        InvitedByUserId = invitedByUserId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string InvitedByUserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedByUserId { get; private set; }

    /// <returns>The invitation and the token to put in the link; the token is not stored.</returns>
    public static (MembershipInvitation Invitation, string Token) Create(int organisationId, string email, string invitedByUserId, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new MembershipInvitation(organisationId, NormaliseEmail(email), HashOf(token), invitedByUserId, now), token);
    }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NormaliseEmail(string email) => email.Trim().ToUpperInvariant();

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    /// <summary>Each refusal says what to do next, because the person reading it followed a link in good faith.</summary>
    public void Accept(string userId, string userEmail, DateTimeOffset now)
    {
        if (AcceptedAt is not null)
            throw new DomainRuleException(Texts.Get("Domain.Membership.ThisInvitationHasAlreadyBeenUsed"));
        if (now >= ExpiresAt)
            throw new DomainRuleException(Texts.Get("Domain.Membership.ThisInvitationHasExpiredAskThe"));
        if (NormaliseEmail(userEmail) != Email)
            throw new DomainRuleException(Texts.Get("Domain.Membership.ThisInvitationWasSentToAnother"));
        AcceptedAt = now;
        AcceptedByUserId = userId;
    }
}
