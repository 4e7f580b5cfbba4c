using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

/// <summary>Facet counts and filters checked against the same numbers computed with LINQ over the same listings.</summary>
public sealed class FacetTests
{
    private static readonly string[] Sectors = ["GovTech", "CivilTech", "EdTech"];
    private static readonly string[] Maturities = ["Idea", "Prototype", "Pilot", "Production"];
    private static readonly string[] Pricings = ["Free", "OneOff", "Subscription", "Quote"];
    private static readonly string[] Provinces = ["TH-10", "TH-50", "TH-40", "TH-90", "TH-83"];
    private static readonly string[] Words = ["ข้อมูลสุขภาพ", "คุณภาพน้ำ", "การศึกษา", "ขยะชุมชน"];

    private static readonly List<SolutionDocument> Catalogue = Generate(400);

    private static List<SolutionDocument> Generate(int count)
    {
        var random = new Random(20261);
        return Enumerable.Range(1, count).Select(id => Listing(
            id,
            "ระบบ" + Words[random.Next(Words.Length)] + "ออนไลน์",
            sector: Sectors[random.Next(Sectors.Length)],
            categories: Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray(),
            provinces: Provinces.Where(_ => random.Next(3) == 0).ToArray(),
            maturity: Maturities[random.Next(Maturities.Length)],
            pricing: Pricings[random.Next(Pricings.Length)],
            certified: random.Next(2) == 0)).ToList();
    }

    public static TheoryData<string?, string?, int?, string?, string?, string?, bool?> Requests => new()
    {
        { null, null, null, null, null, null, null },
        { "คุณภาพน้ำ", null, null, null, null, null, null },
        { "คุณภาพน้ำ", "EdTech", null, null, null, null, null },
        { "ข้อมูลสุขภาพ", "GovTech", 3, "TH-50", null, null, null },
        { null, "CivilTech", 2, null, "Pilot", "Free", true },
        { "การศึกษา", null, null, "TH-90", "Production", null, false },
        { null, null, 6, "TH-10", null, "Quote", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Totals_and_facet_counts_equal_a_linq_count_with_each_facet_ignoring_only_its_own_filter(
        string? query, string? sector, int? category, string? province, string? maturity, string? pricing, bool? certified)
    {
        using var index = IndexOf([.. Catalogue]);
        var request = new SearchRequest(query, sector, category, province, maturity, pricing, certified, PageSize: 100);

        var result = index.Search(request);

        bool Text(SolutionDocument d) => query is null || d.TitleTh.Contains(query, StringComparison.Ordinal);
        bool Sector(SolutionDocument d) => sector is null || d.Sector == sector;
        bool Category(SolutionDocument d) => category is null || d.Categories.Contains(category.Value);
        bool Province(SolutionDocument d) => province is null || d.Provinces.Contains(province);
        bool Maturity(SolutionDocument d) => maturity is null || d.Maturity == maturity;
        bool Pricing(SolutionDocument d) => pricing is null || d.PricingModel == pricing;
        bool Certified(SolutionDocument d) => certified is null || d.Certified == certified;
        Func<SolutionDocument, bool>[] filters = [Sector, Category, Province, Maturity, Pricing, Certified];
        IEnumerable<SolutionDocument> Except(Func<SolutionDocument, bool> own) =>
            Catalogue.Where(d => Text(d) && filters.Where(f => f != own).All(f => f(d)));

        var matching = Catalogue.Where(d => Text(d) && filters.All(f => f(d))).ToList();
        Assert.Equal(matching.Count, result.Total);
        Assert.Equal(Math.Min(100, matching.Count), result.Hits.Count);
        Assert.Subset(matching.Select(d => d.Id).ToHashSet(), result.Ids().ToHashSet());
        AssertFacet(Except(Sector).GroupBy(d => d.Sector), result, "sector");
        AssertFacet(Except(Category).SelectMany(d => d.Categories.Select(c => (c, d))).GroupBy(x => x.c.ToString(), x => x.d), result, "category");
        AssertFacet(Except(Province).SelectMany(d => d.Provinces.Select(p => (p, d))).GroupBy(x => x.p, x => x.d), result, "province");
        AssertFacet(Except(Maturity).GroupBy(d => d.Maturity), result, "maturity");
        AssertFacet(Except(Pricing).GroupBy(d => d.PricingModel), result, "pricing");
        AssertFacet(Except(Certified).GroupBy(d => d.Certified ? "true" : "false"), result, "certified");
    }

    private static void AssertFacet(IEnumerable<IGrouping<string, SolutionDocument>> expected, SearchResult result, string facet)
    {
        var want = expected.ToDictionary(g => g.Key, g => g.Count()).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var got = result.Facets[facet].OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(want, got);
    }

    [Fact]
    public void Every_facet_is_present_even_when_nothing_matches()
    {
        using var index = IndexOf(Catalogue[0]);

        var result = index.Search(new SearchRequest("ไม่มีคำนี้ในระบบแน่นอน", Sector: "Nowhere"));

        Assert.Equal(0, result.Total);
        Assert.Equal(["category", "certified", "maturity", "pricing", "province", "sector"], result.Facets.Keys.Order());
    }

    [Fact]
    public void An_unknown_filter_value_matches_nothing_instead_of_failing()
    {
        using var index = IndexOf([.. Catalogue.Take(20)]);

        Assert.Equal(0, index.Search(new SearchRequest(null, Province: "TH-99")).Total);
        Assert.Equal(0, index.Search(new SearchRequest(null, Category: 42)).Total);
    }
}
