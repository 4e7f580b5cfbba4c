using System.Globalization;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>A filterable, countable attribute: its public facet name, doc-values field, and the selected value.</summary>
internal sealed record FacetDimension(string Name, string Field, bool MultiValued, string? Selected)
{
    public const string SectorName = "sector";
    public const string CategoryName = "category";
    public const string ProvinceName = "province";
    public const string MaturityName = "maturity";
    public const string PricingName = "pricing";
    public const string CertifiedName = "certified";

    /// <summary>Every dimension, in the order requests and segment caches use.</summary>
    public static readonly IReadOnlyList<(string Name, string Field, bool MultiValued)> All =
    [
        (SectorName, FieldNames.Sector, false), (CategoryName, FieldNames.Category, true), (ProvinceName, FieldNames.Province, true),
        (MaturityName, FieldNames.Maturity, false), (PricingName, FieldNames.Pricing, false), (CertifiedName, FieldNames.Certified, false),
    ];

    public static IReadOnlyList<FacetDimension> From(SearchRequest request) =>
    [
        new(SectorName, FieldNames.Sector, false, Blank(request.Sector)),
        new(CategoryName, FieldNames.Category, true, request.Category?.ToString(CultureInfo.InvariantCulture)),
        new(ProvinceName, FieldNames.Province, true, Blank(request.Province)),
        new(MaturityName, FieldNames.Maturity, false, Blank(request.Maturity)),
        new(PricingName, FieldNames.Pricing, false, Blank(request.PricingModel)),
        new(CertifiedName, FieldNames.Certified, false, request.Certified switch { true => "true", false => "false", null => null }),
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
