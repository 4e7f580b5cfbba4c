using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// A listing as the form shows it: amounts typed in baht, tags comma-separated, up to three pilot
/// package rows. <see cref="ToContent"/> and <see cref="From"/> convert to and from the stored value.
/// </summary>
public sealed class ListingForm
{
    public const int PackageRows = 3;

    public string? TitleTh { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryTh { get; set; }
    public string? SummaryEn { get; set; }
    public string? DescriptionTh { get; set; }
    public string? DescriptionEn { get; set; }
    public Sector Sector { get; set; }
    public int PrimaryCategory { get; set; } = 1;
    public List<int> SecondaryCategories { get; set; } = [];
    public string? Tags { get; set; }
    public List<string> Provinces { get; set; } = [];
    public Maturity Maturity { get; set; }
    public int AgenciesUsing { get; set; }
    public PricingModel PricingModel { get; set; }
    public string? PriceBaht { get; set; }
    public string? NoPriceReason { get; set; }
    public string? Website { get; set; }
    public string? DemoUrl { get; set; }
    public string? InnovationListNumber { get; set; }
    public DateOnly? InnovationListExpires { get; set; }
    public bool PersonalData { get; set; }
    public bool HealthData { get; set; }
    public string? StorageLocation { get; set; } = "Thailand";
    public List<PackageRow> Packages { get; set; } = [];

    public sealed class PackageRow
    {
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? PriceBaht { get; set; }
        public int? DurationDays { get; set; }
        public string? IncludesTh { get; set; }
        public string? IncludesEn { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(NameTh) && string.IsNullOrWhiteSpace(NameEn) && string.IsNullOrWhiteSpace(PriceBaht)
            && DurationDays is null && string.IsNullOrWhiteSpace(IncludesTh) && string.IsNullOrWhiteSpace(IncludesEn);
    }

    /// <summary>Call only after validation: amounts and required values are then known to parse.</summary>
    public ListingContent ToContent() => new()
    {
        TitleTh = TitleTh?.Trim() ?? "",
        TitleEn = Clean(TitleEn),
        SummaryTh = SummaryTh?.Trim() ?? "",
        SummaryEn = Clean(SummaryEn),
        DescriptionTh = DescriptionTh?.Trim() ?? "",
        DescriptionEn = Clean(DescriptionEn),
        Sector = Sector,
        PrimaryCategory = PrimaryCategory,
        SecondaryCategories = SecondaryCategories.Where(c => c != PrimaryCategory).Distinct().Order().ToList(),
        Tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(15).ToList(),
        Provinces = Provinces.Distinct().ToList(),
        Maturity = Maturity,
        AgenciesUsing = Maturity == Maturity.Production ? AgenciesUsing : 0,
        PricingModel = PricingModel,
        PriceSatang = Money.ParseBaht(PriceBaht),
        NoPriceReason = Clean(NoPriceReason),
        Website = Clean(Website),
        DemoUrl = Clean(DemoUrl),
        Certifications = string.IsNullOrWhiteSpace(InnovationListNumber) ? [] :
            [new Certification(Certification.InnovationList, InnovationListNumber.Trim(), InnovationListExpires)],
        DataHandling = new DataHandling(PersonalData, HealthData, Clean(StorageLocation) ?? "Thailand"),
        PilotPackages = Packages.Where(p => !p.IsBlank).Select(p => new PilotPackage(p.NameTh!.Trim(), Clean(p.NameEn),
            Money.ParseBaht(p.PriceBaht)!.Value, p.DurationDays!.Value, p.IncludesTh!.Trim(), Clean(p.IncludesEn))).ToList(),
    };

    public static ListingForm From(ListingContent c)
    {
        var innovation = c.Certifications.FirstOrDefault(x => x.Kind == Certification.InnovationList);
        var form = new ListingForm
        {
            TitleTh = c.TitleTh,
            TitleEn = c.TitleEn,
            SummaryTh = c.SummaryTh,
            SummaryEn = c.SummaryEn,
            DescriptionTh = c.DescriptionTh,
            DescriptionEn = c.DescriptionEn,
            Sector = c.Sector,
            PrimaryCategory = c.PrimaryCategory,
            SecondaryCategories = c.SecondaryCategories.ToList(),
            Tags = string.Join(", ", c.Tags),
            Provinces = c.Provinces.ToList(),
            Maturity = c.Maturity,
            AgenciesUsing = c.AgenciesUsing,
            PricingModel = c.PricingModel,
            PriceBaht = Money.ToBahtInput(c.PriceSatang),
            NoPriceReason = c.NoPriceReason,
            Website = c.Website,
            DemoUrl = c.DemoUrl,
            InnovationListNumber = innovation?.Number,
            InnovationListExpires = innovation?.Expires,
            PersonalData = c.DataHandling.PersonalData,
            HealthData = c.DataHandling.HealthData,
            StorageLocation = c.DataHandling.StorageLocation,
            Packages = c.PilotPackages.Select(p => new PackageRow
            {
                NameTh = p.NameTh,
                NameEn = p.NameEn,
                PriceBaht = Money.ToBahtInput(p.PriceSatang),
                DurationDays = p.DurationDays,
                IncludesTh = p.IncludesTh,
                IncludesEn = p.IncludesEn,
            }).ToList(),
        };
        form.PadPackageRows();
        return form;
    }

    /// <summary>The form always offers three package rows; blank ones are ignored.</summary>
    public void PadPackageRows()
    {
        while (Packages.Count < PackageRows)
            Packages.Add(new PackageRow());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
