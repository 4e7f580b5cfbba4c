using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class ThaiSearchTests
{
    [Fact]
    public void A_thai_word_written_inside_a_sentence_is_found()
    {
        using var index = IndexOf(
            Listing(1, "เข้าถึงข้อมูลสุขภาพบนมือถือ"),
            Listing(2, "ระบบจัดการขยะชุมชน"));

        var result = index.Search(new SearchRequest("ข้อมูลสุขภาพ"));

        Assert.Equal([1], result.Ids());
    }

    [Fact]
    public void A_listing_with_the_phrase_ranks_above_a_decoy_that_has_its_words_apart()
    {
        using var index = IndexOf(
            Listing(1, "ข้อมูลการเกษตรของชุมชน", summaryTh: "แพลตฟอร์มติดตามสุขภาพดินและข้อมูลอากาศ"),
            Listing(2, "แอปพลิเคชันข้อมูลสุขภาพสำหรับประชาชน", summaryTh: "บริการออนไลน์"),
            Listing(3, "ระบบขนส่งสาธารณะ"));

        var result = index.Search(new SearchRequest("ข้อมูลสุขภาพ"));

        Assert.Equal([2, 1], result.Ids());
    }

    [Fact]
    public void A_query_with_spaces_between_thai_words_still_requires_and_ranks_them_together()
    {
        using var index = IndexOf(
            Listing(1, "ระบบเตือนภัยดินถล่มสำหรับหมู่บ้าน"),
            Listing(2, "ระบบเตือนภัยน้ำท่วม", descriptionTh: "ดินและหินถล่มลงมาบ่อยในหน้าฝน"),
            Listing(3, "ระบบเตือนภัยน้ำท่วม"));

        var result = index.Search(new SearchRequest("เตือนภัย ดินถล่ม"));

        // Both words first, the title's adjacent words above the scattered ones; the page is topped up with listing 3.
        Assert.Equal([1, 2, 3], result.Ids());
        Assert.Equal(2, result.FullMatchCount);
    }

    [Fact]
    public void A_thai_run_is_found_as_a_substring_even_when_the_document_is_segmented_differently()
    {
        // ICU reads the title as ลูก|ตากลม|โต but the query ลูกตา as ลูก|ตา: no word "ตา" exists in the document,
        // so only the Thai bigram field can find it.
        using var index = IndexOf(Listing(1, "ลูกตากลมโต"), Listing(2, "ลูกเสือออนไลน์"));

        var result = index.Search(new SearchRequest("ลูกตา"));

        Assert.Equal(1, result.Ids()[0]);
        Assert.Equal(1, result.FullMatchCount);
    }

    [Fact]
    public void Thai_and_english_words_combine_in_one_query()
    {
        using var index = IndexOf(
            Listing(1, "ระบบติดตามคุณภาพอากาศ", titleEn: "Air quality dashboard"),
            Listing(2, "ระบบติดตามคุณภาพน้ำ", titleEn: "Water quality dashboard"),
            Listing(3, "แผนที่คุณภาพอากาศ", titleEn: "Air map"));

        var result = index.Search(new SearchRequest("คุณภาพอากาศ dashboard"));

        Assert.Equal(1, result.Ids()[0]);
        Assert.Equal(1, result.FullMatchCount);
    }

    [Fact]
    public void A_quoted_thai_phrase_must_appear_as_written()
    {
        using var index = IndexOf(
            Listing(1, "ข้อมูลสุขภาพของผู้สูงอายุ"),
            Listing(2, "สุขภาพและข้อมูลของผู้สูงอายุ"));

        Assert.Equal([1], index.Search(new SearchRequest("\"ข้อมูลสุขภาพ\"")).Ids());
    }

    [Fact]
    public void When_no_listing_has_every_word_the_best_partial_matches_come_back_flagged()
    {
        using var index = IndexOf(
            Listing(1, "ระบบข้อมูลสุขภาพ", tags: ["โรงพยาบาล"]),
            Listing(2, "ระบบข้อมูลการศึกษา"),
            Listing(3, "ตลาดนัดออนไลน์"));

        var result = index.Search(new SearchRequest("ข้อมูลสุขภาพ โรงพยาบาล ดาวเทียม"));

        Assert.True(result.IsPartialMatch);
        Assert.Equal(1, result.Ids()[0]);
        Assert.DoesNotContain(3, result.Ids());
    }

    [Fact]
    public void Listings_with_every_word_rank_above_those_with_some_when_there_are_fewer_than_a_page()
    {
        using var index = IndexOf(Listing(2, "ระบบข้อมูลการศึกษา"), Listing(1, "ระบบข้อมูลสุขภาพ"));

        var result = index.Search(new SearchRequest("ข้อมูล สุขภาพ"));

        Assert.False(result.IsPartialMatch);
        Assert.Equal([1, 2], result.Ids());
        Assert.Equal(1, result.FullMatchCount);
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void An_empty_result_suggests_the_closest_thai_spelling_the_catalogue_has()
    {
        using var index = IndexOf(Listing(1, "แอปสำหรับพยาบาลเยี่ยมบ้าน"), Listing(2, "ตลาดนัดออนไลน์"));

        var misspelt = index.Search(new SearchRequest("พยาบาน"));

        Assert.Equal(0, misspelt.Total);
        Assert.Equal("พยาบาล", misspelt.SuggestedQuery);
        Assert.Equal([1], index.Search(new SearchRequest(misspelt.SuggestedQuery)).Ids());
        Assert.Null(index.Search(new SearchRequest("พยาบาล")).SuggestedQuery);
    }
}
