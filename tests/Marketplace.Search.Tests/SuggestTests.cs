using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class SuggestTests
{
    private static SolutionIndex Catalogue() => IndexOf(
        Listing(1, "ระบบข้อมูลสุขภาพชุมชน", titleEn: "Community health data", tags: ["ข้อมูลเปิด", "สาธารณสุข"], vendorTh: "ข้อมูลดี จำกัด"),
        Listing(2, "ข้อมูลคุณภาพน้ำ", titleEn: "Water quality data", tags: ["ข้อมูลเปิด"], vendorTh: "วารี เทค"),
        Listing(3, "แพลตฟอร์มการเรียนรู้", titleEn: "Learning platform", tags: ["การศึกษา"], vendorTh: "ครูดี จำกัด"));

    [Fact]
    public void A_thai_prefix_suggests_titles_tags_and_vendors_containing_a_word_that_starts_with_it()
    {
        using var index = Catalogue();

        var suggestions = index.Suggest("ข้อมู", max: 10);

        Assert.Contains(new Suggestion("ข้อมูลคุณภาพน้ำ", "title"), suggestions);
        Assert.Contains(new Suggestion("ระบบข้อมูลสุขภาพชุมชน", "title"), suggestions);
        Assert.Contains(new Suggestion("ข้อมูลเปิด", "tag"), suggestions);
        Assert.Contains(new Suggestion("ข้อมูลดี จำกัด", "vendor"), suggestions);
        Assert.DoesNotContain(suggestions, s => s.Text.Contains("เรียนรู้"));
    }

    [Fact]
    public void Texts_that_start_with_the_prefix_come_before_those_that_contain_it_later()
    {
        using var index = Catalogue();

        var suggestions = index.Suggest("ข้อมู", max: 10).Select(s => s.Text).ToList();

        Assert.True(suggestions.IndexOf("ข้อมูลคุณภาพน้ำ") < suggestions.IndexOf("ระบบข้อมูลสุขภาพชุมชน"));
    }

    [Fact]
    public void English_prefixes_match_whatever_the_case_and_any_word_of_the_title()
    {
        using var index = Catalogue();

        Assert.Equal(
            ["Learning platform"],
            index.Suggest("PLAT").Where(s => s.Kind == "title").Select(s => s.Text));
        Assert.Contains(new Suggestion("Water quality data", "title"), index.Suggest("qual"));
    }

    [Fact]
    public void A_tag_shared_by_many_listings_appears_once()
    {
        using var index = Catalogue();

        Assert.Single(index.Suggest("ข้อมูลเ"), s => s.Text == "ข้อมูลเปิด");
    }

    [Fact]
    public void A_deleted_listing_stops_being_suggested()
    {
        using var index = Catalogue();
        index.Delete(3);
        index.Refresh();

        Assert.Empty(index.Suggest("แพลต"));
    }

    [Fact]
    public void The_number_of_suggestions_is_capped()
    {
        using var index = IndexOf([.. Enumerable.Range(1, 30).Select(i => Listing(i, $"ระบบข้อมูลหมายเลข {i}"))]);

        Assert.Equal(8, index.Suggest("ระบบ").Count);
        Assert.Equal(3, index.Suggest("ระบบ", 3).Count);
    }
}
