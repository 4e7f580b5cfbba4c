using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Domain;

/// <summary>A person who signs in. Belongs to at most one organisation.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>"th" or "en": the language of e-mails and notifications sent to this person.</summary>
    public string Language { get; set; } = "th";

    /// <summary>The version of the privacy notice the person accepted, and when (PDPA consent record).</summary>
    public string? PrivacyConsentVersion { get; set; }
    public DateTimeOffset? PrivacyConsentedAt { get; set; }

    /// <summary>Set when the person closed the account: the row stays, pseudonymised, so audit rows keep an actor id.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>May approve membership requests, invite and remove members of <see cref="Organisation"/>.</summary>
    public bool IsOrganisationAdmin { get; set; }
}
