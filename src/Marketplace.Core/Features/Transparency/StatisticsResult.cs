using Marketplace.Core.Domain;

namespace Marketplace.Core.Features.Transparency;

/// <summary>What <see cref="PublicStatistics"/> answers: every figure of the statistics page for one filter.</summary>
/// <param name="Years">The years with any challenge, award or purchase, for the year filter.</param>
/// <param name="MedianDaysToAward">From publication to award, over the awards counted; null when there are none.</param>
public sealed record StatisticsResult(
    int? Year,
    Sector? Sector,
    IReadOnlyList<int> Years,
    IReadOnlyList<Tally<Sector>> ListingsBySector,
    IReadOnlyList<Tally<NiaCategory>> ListingsByCategory,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<Amount<NiaCategory>> AwardedByCategory,
    TopOrganisations AwardedByAgency,
    IReadOnlyList<Amount<NiaCategory>> PurchasedByCategory,
    TopOrganisations PurchasedByAgency,
    double? MedianDaysToAward,
    FlagShare Flags,
    IReadOnlyList<ProvinceFigures> Provinces)
{
    public long AwardedSatang => AwardedByCategory.Sum(m => m.ValueSatang);

    public long PurchasedSatang => PurchasedByCategory.Sum(m => m.ValueSatang);
}

public sealed record Tally<T>(T Key, int Value);

/// <summary>A sum of money in satang and how many awards or orders it adds up.</summary>
public sealed record Amount<T>(T Key, int Count, long ValueSatang);

/// <summary>The biggest organisations by value, and the rest summed so the chart still adds up to the total.</summary>
public sealed record TopOrganisations(IReadOnlyList<Amount<OrganisationName>> Top, int RestOrganisations, int RestCount, long RestSatang);

/// <param name="Month">The first day of the month (Thai time).</param>
public sealed record MonthFigures(DateOnly Month, int ChallengesPublished, int AwardsMade);

public sealed record FlagShare(int Awards, int Flagged, IReadOnlyList<Tally<RedFlagKind>> ByKind)
{
    /// <summary>0 to 1; 0 when there are no awards.</summary>
    public double Share => Awards == 0 ? 0 : (double)Flagged / Awards;
}

/// <summary>Listings deployed in a province, and awards for challenges that name it (an award for several provinces counts in each).</summary>
public sealed record ProvinceFigures(string Code, string NameTh, string NameEn, int Listings, int Awards, long AwardedSatang);
