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
    public static string Label(string field) => LabelKey(field) is { } key ? Texts.Get(key) : field;

    /// <summary>The resource key of a form field's label, for text rendered later in another reader's language.</summary>
    public static string? LabelKey(string field) => LabelKeys.GetValueOrDefault(field);

    private static readonly Dictionary<string, string> LabelKeys = new()
    {
        ["TitleTh"] = "Domain.Catalogue.ListingDiff.TitleThai",
        ["TitleEn"] = "Domain.Catalogue.ListingDiff.TitleEnglish",
        ["SummaryTh"] = "Domain.Catalogue.ListingDiff.SummaryThai",
        ["SummaryEn"] = "Domain.Catalogue.ListingDiff.SummaryEnglish",
        ["DescriptionTh"] = "Domain.Catalogue.ListingDiff.DescriptionThai",
        ["DescriptionEn"] = "Domain.Catalogue.ListingDiff.DescriptionEnglish",
        ["Sector"] = "Domain.Catalogue.ListingDiff.Sector",
        ["PrimaryCategory"] = "Domain.Catalogue.ListingDiff.Categories",
        ["Tags"] = "Domain.Catalogue.ListingDiff.Tags",
        ["Provinces"] = "Domain.Catalogue.ListingDiff.Provinces",
        ["Maturity"] = "Domain.Catalogue.ListingDiff.Maturity",
        ["PriceBaht"] = "Domain.Catalogue.ListingDiff.Price",
        ["Website"] = "Domain.Catalogue.ListingDiff.Website",
        ["DemoUrl"] = "Domain.Catalogue.ListingDiff.Demo",
        ["InnovationListNumber"] = "Domain.Catalogue.ListingDiff.Certifications",
        ["PersonalData"] = "Domain.Catalogue.ListingDiff.DataHandling",
        ["Packages"] = "Domain.Catalogue.ListingDiff.PilotPackages",
    };

    /// <param name="provinceNames">Province names by code, in the reader's language.</param>
    public static IReadOnlyList<FieldComparison> Compare(ListingContent? before, ListingContent after, IReadOnlyDictionary<string, string>? provinceNames = null)
    {
        var rows = new List<FieldComparison>();
        void Add(string field, Func<ListingContent, string?> read) =>
            rows.Add(new FieldComparison(field, Texts.Get(LabelKeys[field]), before is null ? "" : read(before) ?? "", read(after) ?? ""));

        Add("TitleTh", c => c.TitleTh);
        Add("TitleEn", c => c.TitleEn);
        Add("SummaryTh", c => c.SummaryTh);
        Add("SummaryEn", c => c.SummaryEn);
        Add("DescriptionTh", c => c.DescriptionTh);
        Add("DescriptionEn", c => c.DescriptionEn);
        Add("Sector", c => Labels.Sector(c.Sector));
        Add("PrimaryCategory", c => string.Join(", ", c.Categories.Select(Labels.Category)));
        Add("Tags", c => string.Join(", ", c.Tags));
        Add("Provinces", c => string.Join(", ", c.Provinces.Select(p => provinceNames?.GetValueOrDefault(p) ?? p)));
        Add("Maturity", c => c.Maturity == Maturity.Production ? $"{Labels.Maturity(c.Maturity)} ({Texts.Get("Domain.Catalogue.ListingDiff.AgenciesUsing", c.AgenciesUsing)})" : Labels.Maturity(c.Maturity));
        Add("PriceBaht", c => $"{Labels.Pricing(c.PricingModel)}: " + (c.PriceSatang is { } p ? Money.Format(p) : c.NoPriceReason ?? "—"));
        Add("Website", c => c.Website);
        Add("DemoUrl", c => c.DemoUrl);
        Add("InnovationListNumber", c => string.Join("; ", c.Certifications.Select(x =>
            $"{(x.Kind == Certification.InnovationList ? Texts.Get("Domain.Catalogue.ListingDiff.InnovationList") : x.Kind.ToString())} {x.Number}" + (x.Expires is { } d ? " → " + Dates.Day(d) : ""))));
        Add("PersonalData", c =>
            Texts.Get("Domain.Catalogue.ListingDiff.DataHandlingValue", Labels.YesNo(c.DataHandling.PersonalData), Labels.YesNo(c.DataHandling.HealthData), c.DataHandling.StorageLocation));
        Add("Packages", c => string.Join("\n", c.PilotPackages.Select(p =>
            $"{Bi.Pick(p.NameTh, p.NameEn)} — {Money.Format(p.PriceSatang)}, {Labels.Days(p.DurationDays)}: {Bi.Pick(p.IncludesTh, p.IncludesEn)}")));
        return rows;
    }
}
