using System.Text.RegularExpressions;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Catalogue;

/// <summary>One line of the pre-submission checklist, shown to the vendor and to the moderator alike.</summary>
public sealed record QualityCheck(string Key, string Field, bool Passed, string Message);

/// <summary>
/// The checks a listing must pass before it is submitted. Buyers complained that nobody checks listing
/// quality on other marketplaces; these are the problems moderators kept sending back by hand.
/// </summary>
public static partial class ListingQuality
{
    public const int MinimumDescriptionLength = 200;

    public static IReadOnlyList<QualityCheck> Check(ListingContent c, IEnumerable<string> otherTitlesOfVendor)
    {
        var others = otherTitlesOfVendor.Select(Normalise).ToHashSet();
        return
        [
            new("title", "TitleTh", !string.IsNullOrWhiteSpace(c.TitleTh),
                Texts.Get("Domain.Catalogue.ListingQuality.TheSolutionHasAThaiTitle")),
            new("summary", "SummaryTh", !string.IsNullOrWhiteSpace(c.SummaryTh),
                Texts.Get("Domain.Catalogue.ListingQuality.TheSolutionHasAShortThai")),
            new("description", "DescriptionTh", (c.DescriptionTh?.Trim().Length ?? 0) >= MinimumDescriptionLength,
                Texts.Get("Domain.Catalogue.ListingQuality.TheThaiDescriptionHasAtLeast", MinimumDescriptionLength, c.DescriptionTh?.Trim().Length ?? 0)),
            new("provinces", "Provinces", c.Provinces.Count > 0,
                Texts.Get("Domain.Catalogue.ListingQuality.AtLeastOneProvinceWhereIt")),
            new("price", "PriceSatang", c.PriceSatang is > 0 || c.PricingModel == PricingModel.Free || !string.IsNullOrWhiteSpace(c.NoPriceReason),
                Texts.Get("Domain.Catalogue.ListingQuality.AnIndicativePriceOrTheReason")),
            new("links", "Website", UrlsAreValid(c),
                Texts.Get("Domain.Catalogue.ListingQuality.WebsiteAndDemoLinksAreValid")),
            new("contact-in-title", "TitleTh", !HasContactDetails(c.TitleTh) && !HasContactDetails(c.TitleEn),
                Texts.Get("Domain.Catalogue.ListingQuality.TheTitleHoldsNoPhoneNumber")),
            new("duplicate-title", "TitleTh", !others.Contains(Normalise(c.TitleTh)) && (c.TitleEn is null || !others.Contains(Normalise(c.TitleEn))),
                Texts.Get("Domain.Catalogue.ListingQuality.TheTitleDiffersFromTheCompany")),
        ];
    }

    public static bool HasContactDetails(string? text) =>
        text is not null && (Email().IsMatch(text) || Phone().IsMatch(text));

    private static bool UrlsAreValid(ListingContent c) =>
        new[] { c.Website, c.DemoUrl }.Where(u => !string.IsNullOrWhiteSpace(u)).All(u =>
            Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.'));

    /// <summary>Thai has no spaces between words, so "ระบบ จัดการ" and "ระบบจัดการ" are the same title.</summary>
    private static string Normalise(string? title) => string.Concat((title ?? "").ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();

    /// <summary>Thai numbers: 02-123-4567, 081 234 5678, 0812345678, +66 81 234 5678.</summary>
    [GeneratedRegex(@"(\+66|0)[\s-]?\d{1,2}[\s-]?\d{3}[\s-]?\d{3,4}")]
    private static partial Regex Phone();
}
