using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Core.Features.Transparency.Ocds;

// The subset of OCDS 1.1 (release-package-schema.json, release-schema.json) the marketplace publishes.
// Property names follow the standard through the camel-case policy; "_en" fields are OCDS's language suffixes.

/// <summary>
/// <see cref="Releases"/> is read from the database as it is enumerated, once, inside the request that made the
/// package: System.Text.Json writes it element by element (asynchronous serialisation only), after the other fields.
/// </summary>
public sealed record OcdsPackage(string Uri, string Version, DateTimeOffset PublishedDate, OcdsPublisher Publisher,
    IAsyncEnumerable<OcdsRelease> Releases);

public sealed record OcdsPublisher(string Name, string? Uri);

public sealed record OcdsRelease(string Ocid, string Id, DateTimeOffset Date, IReadOnlyList<string> Tag, string InitiationType,
    string Language, IReadOnlyList<OcdsParty> Parties, OcdsOrganisationReference Buyer, OcdsTender Tender,
    IReadOnlyList<OcdsAward>? Awards = null)
{
    public IReadOnlyList<OcdsContract>? Contracts { get; init; }
}

public sealed record OcdsParty(string Id, string Name, [property: JsonPropertyName("name_en")] string? NameEn,
    IReadOnlyList<string> Roles)
{
    /// <summary>The organisation's legal identifier (see <see cref="OcdsIdentifiers.LegalIdentifier"/>).</summary>
    public OcdsIdentifier? Identifier { get; init; }
}

/// <summary>OCDS's Identifier: <c>scheme</c> from org-id.guide, <c>id</c> within it, and the legal name.</summary>
public sealed record OcdsIdentifier(string? Scheme, string? Id, string LegalName, string? Uri);

public sealed record OcdsOrganisationReference(string Id, string Name);

public sealed record OcdsValue(decimal Amount, string Currency);

public sealed record OcdsPeriod(DateTimeOffset? StartDate, DateTimeOffset? EndDate);

public sealed record OcdsTender
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    [JsonPropertyName("title_en")] public string? TitleEn { get; init; }
    public string? Description { get; init; }
    [JsonPropertyName("description_en")] public string? DescriptionEn { get; init; }
    public required string Status { get; init; }
    /// <summary>Free text about the status: a cancellation's public reason.</summary>
    public string? StatusDetails { get; init; }
    public OcdsOrganisationReference? ProcuringEntity { get; init; }
    public OcdsValue? Value { get; init; }
    public OcdsValue? MinValue { get; init; }
    public string? ProcurementMethod { get; init; }
    public OcdsPeriod? TenderPeriod { get; init; }
    public OcdsPeriod? EnquiryPeriod { get; init; }
    public int? NumberOfTenderers { get; init; }
    public IReadOnlyList<OcdsDocument>? Documents { get; init; }
}

/// <summary>A public tender document; <c>format</c> is its IANA media type, <c>documentType</c> from OCDS's codelist.</summary>
public sealed record OcdsDocument(string Id, string DocumentType, string Title, string Url, string Format, DateTimeOffset DatePublished, string Language);

public sealed record OcdsAward(string Id, string Status, DateTimeOffset Date, OcdsValue Value,
    IReadOnlyList<OcdsOrganisationReference> Suppliers);

public static class OcdsJson
{
    /// <summary>
    /// Absent rather than null for unknown values (the schema allows both; absent is the standard's own style), and
    /// Thai written as characters so the feed stays readable.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
