using System.Globalization;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Catalogue;

/// <summary>One row of the moderator's side-by-side view. <see cref="Field"/> names the form field, so a change request can point at it.</summary>
public sealed record FieldComparison(string Field, string Label, string Before, string After)
{
    public bool Changed => Before != After;
}

/// <summary>Compares the live copy with the working copy, field by field, as text a moderator can read.</summary>
public static class ListingDiff
{
    /// <summary>The label a person reads for a form field name, in their language (the name itself when unknown).</summary>
    public static string Label(string field) =>
        Compare(null, new ListingContent()).FirstOrDefault(f => f.Field == field)?.Label ?? field;

    public static IReadOnlyList<FieldComparison> Compare(ListingContent? before, ListingContent after)
    {
        var rows = new List<FieldComparison>();
        void Add(string field, string th, string en, Func<ListingContent, string?> read) =>
            rows.Add(new FieldComparison(field, Bi.T(th, en), before is null ? "" : read(before) ?? "", read(after) ?? ""));

        Add("TitleTh", "ชื่อ (ไทย)", "Title (Thai)", c => c.TitleTh);
        Add("TitleEn", "ชื่อ (อังกฤษ)", "Title (English)", c => c.TitleEn);
        Add("SummaryTh", "สรุป (ไทย)", "Summary (Thai)", c => c.SummaryTh);
        Add("SummaryEn", "สรุป (อังกฤษ)", "Summary (English)", c => c.SummaryEn);
        Add("DescriptionTh", "คำอธิบาย (ไทย)", "Description (Thai)", c => c.DescriptionTh);
        Add("DescriptionEn", "คำอธิบาย (อังกฤษ)", "Description (English)", c => c.DescriptionEn);
        Add("Sector", "กลุ่ม", "Sector", c => c.Sector.ToString());
        Add("PrimaryCategory", "ประเภทนวัตกรรม", "Categories", c => string.Join(", ", c.Categories.Select(n => NiaCategory.ByNumber(n)?.NameEn ?? "?")));
        Add("Tags", "แท็ก", "Tags", c => string.Join(", ", c.Tags));
        Add("Provinces", "จังหวัด", "Provinces", c => string.Join(", ", c.Provinces));
        Add("Maturity", "ระดับความพร้อม", "Maturity", c => c.Maturity == Maturity.Production ? $"{c.Maturity} ({c.AgenciesUsing})" : c.Maturity.ToString());
        Add("PriceBaht", "ราคา", "Price", c => $"{c.PricingModel}: " + (c.PriceSatang is { } p ? Money.Format(p) : c.NoPriceReason ?? "—"));
        Add("Website", "เว็บไซต์", "Website", c => c.Website);
        Add("DemoUrl", "เดโม", "Demo", c => c.DemoUrl);
        Add("InnovationListNumber", "การรับรอง", "Certifications", c => string.Join("; ", c.Certifications.Select(x =>
            $"{x.Kind} {x.Number}" + (x.Expires is { } d ? " → " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""))));
        Add("PersonalData", "การจัดการข้อมูล", "Data handling", c =>
            $"personal: {c.DataHandling.PersonalData}, health: {c.DataHandling.HealthData}, stored in {c.DataHandling.StorageLocation}");
        Add("Packages", "แพ็กเกจนำร่อง", "Pilot packages", c => string.Join("\n", c.PilotPackages.Select(p =>
            $"{p.NameTh} — {Money.Format(p.PriceSatang)}, {p.DurationDays} d: {p.IncludesTh}")));
        return rows;
    }
}
