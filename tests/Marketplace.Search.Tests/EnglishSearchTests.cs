using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class EnglishSearchTests
{
    [Fact]
    public void Monitoring_finds_a_listing_that_says_monitor()
    {
        using var index = IndexOf(
            Listing(1, "ระบบน้ำ", titleEn: "Monitor river levels"),
            Listing(2, "ระบบขยะ", titleEn: "Waste collection"));

        Assert.Equal([1], index.Search(new SearchRequest("monitoring")).Ids());
    }

    [Fact]
    public void A_misspelt_word_finds_the_listing_with_the_right_spelling()
    {
        using var index = IndexOf(
            Listing(1, "ระบบเปิดเผยงบประมาณ", titleEn: "Budget transparency portal"),
            Listing(2, "ระบบขนส่ง", titleEn: "Transport planner"));

        Assert.Equal([1], index.Search(new SearchRequest("transparancy")).Ids());
        Assert.Equal([1], index.Search(new SearchRequest("Transparncy")).Ids());
    }

    [Fact]
    public void An_exact_spelling_outranks_a_fuzzy_neighbour_and_known_words_are_not_fuzzed()
    {
        using var index = IndexOf(
            Listing(1, "ก", titleEn: "Data portal"),
            Listing(2, "ข", titleEn: "Date picker"));

        Assert.Equal([1], index.Search(new SearchRequest("data")).Ids());
    }

    [Fact]
    public void Field_weights_rank_a_title_match_above_a_description_match_and_a_tag_match()
    {
        using var index = IndexOf(
            Listing(1, "ก", titleEn: "Tools", descriptionEn: "Helps with water quality checks in rivers and many other things"),
            Listing(2, "ข", titleEn: "Water quality sensors"),
            Listing(3, "ค", titleEn: "Tools", tags: ["water quality"]));

        var ids = index.Search(new SearchRequest("water quality")).Ids();

        Assert.Equal(2, ids[0]);
        Assert.Equal(3, ids.Length);
    }

    [Fact]
    public void Field_weights_order_title_then_summary_then_description_then_tags_and_vendor()
    {
        using var index = IndexOf(
            Listing(1, "ก", titleEn: "Tools", tags: ["drone"]),
            Listing(2, "ข", titleEn: "Tools", descriptionEn: "Flies a drone over the rice fields every morning"),
            Listing(3, "ค", titleEn: "Drone mapping"),
            Listing(4, "ง", titleEn: "Tools", summaryEn: "A drone for rice fields"),
            Listing(5, "จ", titleEn: "Tools", vendorEn: "Drone Works Co., Ltd."));

        var ids = index.Search(new SearchRequest("drone")).Ids();

        Assert.Equal([3, 4, 2], ids[..3]);
        Assert.Equal([1, 5], ids[3..].Order());
    }

    [Fact]
    public void Stop_words_do_not_have_to_match()
    {
        using var index = IndexOf(Listing(1, "ก", titleEn: "Platform elderly care"));

        Assert.Equal([1], index.Search(new SearchRequest("platform for the elderly")).Ids());
    }
}
