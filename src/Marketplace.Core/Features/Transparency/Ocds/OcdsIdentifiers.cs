namespace Marketplace.Core.Features.Transparency.Ocds;

/// <summary>
/// OCDS identifiers. Every contracting process needs a globally unique ocid: a publisher prefix plus our own id.
/// "ocds-gtmkt" is this marketplace's prefix; a live deployment must register its own with the Open Contracting
/// Partnership (registered prefixes are "ocds-" plus six characters) and change it here.
/// </summary>
public static class OcdsIdentifiers
{
    public const string Prefix = "ocds-gtmkt";

    public static string Ocid(int challengeId) => $"{Prefix}-{challengeId}";

    public static string TenderRelease(int challengeId) => $"{Ocid(challengeId)}-tender";

    public static string AwardRelease(int challengeId) => $"{Ocid(challengeId)}-award";

    public static string Award(int challengeId, int proposalId) => $"{Ocid(challengeId)}-award-{proposalId}";

    public static string CancellationRelease(int challengeId) => $"{Ocid(challengeId)}-cancellation";

    public static string Contract(int challengeId, int proposalId) => $"{Ocid(challengeId)}-contract-{proposalId}";

    /// <summary>
    /// The scheme of a Thai juristic person's 13-digit registration number (Department of Business Development), as
    /// org-id.guide lists it. An organisation without one (most agencies) is identified by its legal name and page only.
    /// </summary>
    public const string JuristicScheme = "TH-DBD";

    public static OcdsIdentifier LegalIdentifier(string? juristicNumber, string legalName, string pageUrl) =>
        string.IsNullOrEmpty(juristicNumber) ? new(null, null, legalName, pageUrl) : new(JuristicScheme, juristicNumber, legalName, pageUrl);

    /// <summary>Organisation slugs never change after creation, so they cross-reference parties stably.</summary>
    public static string Party(string organisationSlug) => $"{Prefix}-org-{organisationSlug}";
}
