using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Transparency;

namespace Marketplace.Web.Statistics;

/// <summary>
/// Turns the statistics into charts in the reader's language, with the links behind each figure: listings go to
/// the catalogue's filters (/solutions?sector=&amp;category=&amp;province=), awards to the register's
/// (/awards?agency=&amp;category=&amp;province=&amp;year=&amp;flag=). The register has no sector filter, so award links
/// carry the year only. An agency's purchases link to its public page (which lists them); purchases by category have no
/// filtered list yet and link to the whole purchase register.
/// </summary>
public sealed class StatisticsCharts(int? year, Sector? sector)
{
    private const string Purchases = "/purchases";

    public BarChart ListingsBySector(StatisticsResult f) => new("listings-by-sector",
        Texts.Get("Statistics.StatisticsCharts.PublishedListingsBySector"), Texts.Get("Statistics.StatisticsCharts.Sector"), Texts.Get("Statistics.StatisticsCharts.Listings"),
        f.ListingsBySector.Select(t => Count(Labels.Sector(t.Key), t.Value, Listings(t.Key, null, null))).ToList(),
        Total: Count(Texts.Get("Statistics.StatisticsCharts.Total"), f.ListingsBySector.Sum(t => t.Value), Listings(null, null, null)));

    /// <summary>No total: a listing filed under two categories is counted in both.</summary>
    public BarChart ListingsByCategory(StatisticsResult f) => new("listings-by-category",
        Texts.Get("Statistics.StatisticsCharts.PublishedListingsByCategory"), Texts.Get("Statistics.StatisticsCharts.Category"), Texts.Get("Statistics.StatisticsCharts.Listings"),
        f.ListingsByCategory.Select(t => Count(Bi.Pick(t.Key.NameTh, t.Key.NameEn), t.Value, Listings(sector, t.Key, null))).ToList());

    public BarChart AwardedByCategory(StatisticsResult f) => Money("awarded-by-category",
        Texts.Get("Statistics.StatisticsCharts.ValueAwardedByCategory"), Texts.Get("Statistics.StatisticsCharts.Category"), Texts.Get("Statistics.StatisticsCharts.Awards"),
        f.AwardedByCategory.Select(m => (Bi.Pick(m.Key.NameTh, m.Key.NameEn), m.Count, m.ValueSatang, (string?)Awards(category: m.Key.Slug))).ToList(),
        Awards());

    public BarChart AwardedByAgency(StatisticsResult f) => Money("awarded-by-agency",
        Texts.Get("Statistics.StatisticsCharts.ValueAwardedByAgency"), Texts.Get("Statistics.StatisticsCharts.Agency"), Texts.Get("Statistics.StatisticsCharts.Awards"),
        Ranked(f.AwardedByAgency, agency => Awards(agency: agency), Awards()), Awards());

    public BarChart PurchasedByCategory(StatisticsResult f) => Money("purchased-by-category",
        Texts.Get("Statistics.StatisticsCharts.ValuePurchasedPaidOrdersByCategory"), Texts.Get("Statistics.StatisticsCharts.Category"),
        Texts.Get("Statistics.StatisticsCharts.Orders"),
        f.PurchasedByCategory.Select(m => (Bi.Pick(m.Key.NameTh, m.Key.NameEn), m.Count, m.ValueSatang, (string?)Purchases)).ToList(), Purchases);

    public BarChart PurchasedByAgency(StatisticsResult f) => Money("purchased-by-agency",
        Texts.Get("Statistics.StatisticsCharts.ValuePurchasedPaidOrdersByAgency"), Texts.Get("Statistics.StatisticsCharts.Agency"),
        Texts.Get("Statistics.StatisticsCharts.Orders"), Ranked(f.PurchasedByAgency, agency => "/agencies/" + Uri.EscapeDataString(agency), Purchases), Purchases);

    public BarChart RedFlags(StatisticsResult f) => new("red-flags",
        Texts.Get("Statistics.StatisticsCharts.AwardsWithRedFlagsByKind"), Texts.Get("Statistics.StatisticsCharts.RedFlag"), Texts.Get("Statistics.StatisticsCharts.Awards"),
        f.Flags.ByKind.Select(t => Count(FlagLabel(t.Key), t.Value, Awards(flag: t.Key))).ToList(),
        Total: Count(Texts.Get("Statistics.StatisticsCharts.AwardsWithAtLeastOneRed"), f.Flags.Flagged, null));

    public string? ProvinceHref(ProvinceFigures p, MapMeasure measure) =>
        measure == MapMeasure.Listings ? Listings(sector, null, p.Code) : Awards(province: p.Code);

    /// <summary>The register for one year (the month's year: the register filters by year, not month).</summary>
    public static string AwardsIn(int year) => "/awards?year=" + year.ToString(CultureInfo.InvariantCulture);

    public static string FlagLabel(RedFlagKind kind) => kind switch
    {
        RedFlagKind.SingleProposal => Texts.Get("Statistics.StatisticsCharts.OnlyOneProposal"),
        RedFlagKind.ShortWindow => Texts.Get("Statistics.StatisticsCharts.ShortProposalWindow"),
        _ => Texts.Get("Statistics.StatisticsCharts.RepeatWinnerFromTheSameAgency"),
    };

    private static Bar Count(string label, int value, string? href) => new(label, value, value.ToString("N0", CultureInfo.CurrentCulture), href);

    private static BarChart Money(string id, string title, string labelHeading, string countHeading,
        IReadOnlyList<(string Label, int Count, long Satang, string? Href)> rows, string totalHref) =>
        new(id, title, labelHeading, Texts.Get("Statistics.StatisticsCharts.Value"),
            rows.Select(r => new Bar(r.Label, r.Satang, Core.Common.Money.Format(r.Satang), r.Href, r.Count, r.Href)).ToList(), countHeading,
            new Bar(Texts.Get("Statistics.StatisticsCharts.Total"), rows.Sum(r => r.Satang), Core.Common.Money.Format(rows.Sum(r => r.Satang)), totalHref, rows.Sum(r => r.Count), totalHref));

    private static List<(string, int, long, string?)> Ranked(TopOrganisations top, Func<string, string> href, string restHref)
    {
        var rows = top.Top.Select(m => (Bi.Pick(m.Key.NameTh, m.Key.NameEn), m.Count, m.ValueSatang, (string?)href(m.Key.Slug))).ToList();
        if (top.RestOrganisations > 0)
            rows.Add((Texts.Get("Statistics.StatisticsCharts.OtherAgencies", top.RestOrganisations), top.RestCount, top.RestSatang, restHref));
        return rows;
    }

    private static string Listings(Sector? sector, NiaCategory? category, string? province) =>
        "/solutions" + QueryString.Create(new Dictionary<string, string?>
        {
            ["sector"] = sector?.ToString(),
            ["category"] = category?.Slug,
            ["province"] = province,
        }.Where(p => p.Value is not null));

    private string Awards(string? agency = null, string? category = null, string? province = null, RedFlagKind? flag = null) =>
        "/awards" + QueryString.Create(new Dictionary<string, string?>
        {
            ["agency"] = agency,
            ["category"] = category,
            ["province"] = province,
            ["year"] = year?.ToString(CultureInfo.InvariantCulture),
            ["flag"] = flag?.ToString(),
        }.Where(p => p.Value is not null));
}
