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

    /// <param name="provinceNames">Province names by code, in the reader's language.</param>
    public static IReadOnlyList<FieldComparison> Compare(ListingContent? before, ListingContent after, IReadOnlyDictionary<string, string>? provinceNames = null)
    {
        var rows = new List<FieldComparison>();
        void Add(string field, string label, Func<ListingContent, string?> read) =>
            rows.Add(new FieldComparison(field, label, before is null ? "" : read(before) ?? "", read(after) ?? ""));

        Add("TitleTh", Texts.Get("Domain.Catalogue.ListingDiff.TitleThai"), c => c.TitleTh);
        Add("TitleEn", Texts.Get("Domain.Catalogue.ListingDiff.TitleEnglish"), c => c.TitleEn);
        Add("SummaryTh", Texts.Get("Domain.Catalogue.ListingDiff.SummaryThai"), c => c.SummaryTh);
        Add("SummaryEn", Texts.Get("Domain.Catalogue.ListingDiff.SummaryEnglish"), c => c.SummaryEn);
        Add("DescriptionTh", Texts.Get("Domain.Catalogue.ListingDiff.DescriptionThai"), c => c.DescriptionTh);
        Add("DescriptionEn", Texts.Get("Domain.Catalogue.ListingDiff.DescriptionEnglish"), c => c.DescriptionEn);
        Add("Sector", Texts.Get("Domain.Catalogue.ListingDiff.Sector"), c => Labels.Sector(c.Sector));
        Add("PrimaryCategory", Texts.Get("Domain.Catalogue.ListingDiff.Categories"), c => string.Join(", ", c.Categories.Select(Labels.Category)));
        Add("Tags", Texts.Get("Domain.Catalogue.ListingDiff.Tags"), c => string.Join(", ", c.Tags));
        Add("Provinces", Texts.Get("Domain.Catalogue.ListingDiff.Provinces"), c => string.Join(", ", c.Provinces.Select(p => provinceNames?.GetValueOrDefault(p) ?? p)));
        Add("Maturity", Texts.Get("Domain.Catalogue.ListingDiff.Maturity"), c => c.Maturity == Maturity.Production ? $"{Labels.Maturity(c.Maturity)} ({Texts.Get("Domain.Catalogue.ListingDiff.AgenciesUsing", c.AgenciesUsing)})" : Labels.Maturity(c.Maturity));
        Add("PriceBaht", Texts.Get("Domain.Catalogue.ListingDiff.Price"), c => $"{Labels.Pricing(c.PricingModel)}: " + (c.PriceSatang is { } p ? Money.Format(p) : c.NoPriceReason ?? "—"));
        Add("Website", Texts.Get("Domain.Catalogue.ListingDiff.Website"), c => c.Website);
        Add("DemoUrl", Texts.Get("Domain.Catalogue.ListingDiff.Demo"), c => c.DemoUrl);
        Add("InnovationListNumber", Texts.Get("Domain.Catalogue.ListingDiff.Certifications"), c => string.Join("; ", c.Certifications.Select(x =>
            $"{(x.Kind == Certification.InnovationList ? Texts.Get("Domain.Catalogue.ListingDiff.InnovationList") : x.Kind.ToString())} {x.Number}" + (x.Expires is { } d ? " → " + Dates.Day(d) : ""))));
        Add("PersonalData", Texts.Get("Domain.Catalogue.ListingDiff.DataHandling"), c =>
            Texts.Get("Domain.Catalogue.ListingDiff.DataHandlingValue", Labels.YesNo(c.DataHandling.PersonalData), Labels.YesNo(c.DataHandling.HealthData), c.DataHandling.StorageLocation));
        Add("Packages", Texts.Get("Domain.Catalogue.ListingDiff.PilotPackages"), c => string.Join("\n", c.PilotPackages.Select(p =>
            $"{Bi.Pick(p.NameTh, p.NameEn)} — {Money.Format(p.PriceSatang)}, {Labels.Days(p.DurationDays)}: {Bi.Pick(p.IncludesTh, p.IncludesEn)}")));
        return rows;
    }
}
