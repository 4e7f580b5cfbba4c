using Marketplace.Core.Common;

namespace Marketplace.Core.Domain;

public enum OrganisationKind { Vendor, Agency }

public enum VerificationState { Pending, Verified, Rejected }

/// <summary>A startup (vendor) or a public agency. Only verified organisations can publish or buy.</summary>
public sealed class Organisation
{
    private Organisation() { }

    public Organisation(OrganisationKind kind, string slug, OrganisationProfile profile, string? juristicNumber, DateTimeOffset now)
    {
        Kind = kind;
        Slug = slug;
        JuristicNumber = juristicNumber;
        CreatedAt = now;
        Apply(profile);
    }

    public int Id { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public string Slug { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? JuristicNumber { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public string? Website { get; private set; }
    public string ContactEmail { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? DescriptionTh { get; private set; }
    public string? DescriptionEn { get; private set; }
    public VerificationState Verification { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public string Name => Bi.Pick(NameTh, NameEn);

    /// <summary>
    /// A verified organisation's legal names, juristic number and website domain are what NIA checked:
    /// they change only through an approved <see cref="OrganisationChangeRequest"/>.
    /// </summary>
    public void UpdateProfile(OrganisationProfile profile)
    {
        if (Verification == VerificationState.Verified && ChangesIdentity(profile.NameTh, profile.NameEn, JuristicNumber, profile.Website))
            throw new DomainRuleException(Texts.Get("Domain.Organisation.AVerifiedOrganisationSNamesJuristic"));
        Apply(profile);
    }

    /// <summary>Before verification the applicant may still correct the number; afterwards it takes a change request.</summary>
    public void CorrectJuristicNumber(string? juristicNumber)
    {
        if (Verification == VerificationState.Verified && juristicNumber != JuristicNumber)
            throw new DomainRuleException(Texts.Get("Domain.Organisation.AVerifiedOrganisationSJuristicNumber"));
        JuristicNumber = juristicNumber;
    }

    public bool ChangesIdentity(string nameTh, string nameEn, string? juristicNumber, string? website) =>
        NameTh != nameTh.Trim() || NameEn != nameEn.Trim() || JuristicNumber != juristicNumber
        || !string.Equals(WebsiteDomain(Website), WebsiteDomain(website), StringComparison.OrdinalIgnoreCase);

    public void ApplyApprovedChange(OrganisationChangeRequest change)
    {
        NameTh = change.NameTh;
        NameEn = change.NameEn;
        JuristicNumber = change.JuristicNumber;
        Website = change.Website;
    }

    /// <summary>"dga.or.th" for https://www.dga.or.th/th/: a new page on the same site is not a new identity.</summary>
    public static string? WebsiteDomain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website) || !Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri))
            return string.IsNullOrWhiteSpace(website) ? null : website.Trim();
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public void Verify(DateTimeOffset now)
    {
        if (Verification == VerificationState.Verified)
            throw new DomainRuleException(Texts.Get("Domain.Organisation.ThisOrganisationIsAlreadyVerified"));
        Verification = VerificationState.Verified;
        RejectionReason = null;
        DecidedAt = now;
    }

    /// <summary>The applicant sees the reason, so it must say what to fix.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(Texts.Get("Domain.Organisation.GiveTheReasonForRejecting"));
        Verification = VerificationState.Rejected;
        RejectionReason = reason.Trim();
        DecidedAt = now;
    }

    private void Apply(OrganisationProfile p)
    {
        NameTh = p.NameTh.Trim();
        NameEn = p.NameEn.Trim();
        ProvinceCode = p.ProvinceCode;
        Website = string.IsNullOrWhiteSpace(p.Website) ? null : p.Website.Trim();
        ContactEmail = p.ContactEmail.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(p.ContactPhone) ? null : p.ContactPhone.Trim();
        DescriptionTh = string.IsNullOrWhiteSpace(p.DescriptionTh) ? null : p.DescriptionTh.Trim();
        DescriptionEn = string.IsNullOrWhiteSpace(p.DescriptionEn) ? null : p.DescriptionEn.Trim();
    }
}

/// <summary>The part of an organisation its members may edit.</summary>
public sealed record OrganisationProfile(
    string NameTh, string NameEn, string ProvinceCode, string? Website, string ContactEmail,
    string? ContactPhone, string? DescriptionTh, string? DescriptionEn);
