namespace Marketplace.Core.Domain;

/// <summary>One of Thailand's 77 provinces, keyed by its ISO 3166-2:TH code ("TH-10" is Bangkok).</summary>
public sealed class Province
{
    public string Code { get; set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
}
