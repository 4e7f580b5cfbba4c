using Marketplace.Search;

namespace Marketplace.Search.Tests;

/// <summary>Builds listings for tests: everything defaults to something valid, a test sets only what it is about.</summary>
internal static class Listings
{
    public static SolutionDocument Listing(int id, string titleTh, string? summaryTh = null, string? descriptionTh = null,
        string? titleEn = null, string? summaryEn = null, string? descriptionEn = null, string[]? tags = null,
        string vendorTh = "บริษัท ทดสอบ จำกัด", string? vendorEn = "Test Co., Ltd.", string sector = "GovTech",
        int[]? categories = null, string[]? provinces = null, string maturity = "Pilot", string pricing = "Subscription",
        bool certified = false, DateTimeOffset? publishedAt = null) =>
        new(id, $"listing-{id}", titleTh, titleEn, summaryTh ?? "สรุปโดยย่อ", summaryEn, descriptionTh ?? "รายละเอียด", descriptionEn,
            tags ?? [], vendorTh, vendorEn, $"vendor-{id}", sector, categories ?? [1], provinces ?? ["TH-10"], maturity, pricing,
            certified, publishedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(id));

    public static SolutionIndex IndexOf(params SolutionDocument[] listings)
    {
        var index = SolutionIndex.InMemory();
        foreach (var listing in listings)
        {
            index.Upsert(listing);
        }

        index.Refresh();
        return index;
    }

    public static int[] Ids(this SearchResult result) => result.Hits.Select(h => h.Id).ToArray();
}
