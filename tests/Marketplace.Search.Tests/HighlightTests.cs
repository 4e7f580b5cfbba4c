using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class HighlightTests
{
    [Fact]
    public void The_thai_text_typed_is_marked_as_one_piece_in_the_title_and_snippet()
    {
        using var index = IndexOf(Listing(1, "เข้าถึงข้อมูลสุขภาพบนมือถือ", summaryTh: "ผู้ป่วยดูข้อมูลสุขภาพของตนเองได้ทุกที่"));

        var hit = Assert.Single(index.Search(new SearchRequest("ข้อมูลสุขภาพ")).Hits);

        Assert.Equal("เข้าถึง<mark>ข้อมูลสุขภาพ</mark>บนมือถือ", hit.TitleHtml);
        Assert.Contains("ดู<mark>ข้อมูลสุขภาพ</mark>ของตนเอง", hit.SnippetHtml);
    }

    [Fact]
    public void Thai_words_found_apart_are_each_marked_and_nothing_else_is()
    {
        using var index = IndexOf(Listing(1, "ข้อมูลการเกษตรและสุขภาพดิน"));

        var hit = Assert.Single(index.Search(new SearchRequest("ข้อมูลสุขภาพ")).Hits);

        Assert.Equal("<mark>ข้อมูล</mark>การเกษตรและ<mark>สุขภาพ</mark>ดิน", hit.TitleHtml);
    }

    [Fact]
    public void Markup_in_listing_text_is_escaped_and_only_mark_tags_remain()
    {
        using var index = IndexOf(Listing(1, "ระบบ <script>alert('x')</script> ข้อมูล",
            summaryTh: "ข้อมูล & <b onclick=\"steal()\">ตัวหนา</b>"));

        var hit = Assert.Single(index.Search(new SearchRequest("ข้อมูล")).Hits);

        Assert.Equal("ระบบ &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>ข้อมูล</mark>", hit.TitleHtml);
        Assert.Equal("<mark>ข้อมูล</mark> &amp; &lt;b onclick=&quot;steal()&quot;&gt;ตัวหนา&lt;/b&gt;", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.TitleHtml + hit.SnippetHtml);
    }

    [Fact]
    public void Listings_shown_without_a_query_are_escaped_too()
    {
        using var index = IndexOf(Listing(1, "<img src=x onerror=alert(1)>", summaryTh: "<script>x</script>"));

        var hit = Assert.Single(index.Search(new SearchRequest(null)).Hits);

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", hit.TitleHtml);
        Assert.Equal("&lt;script&gt;x&lt;/script&gt;", hit.SnippetHtml);
    }

    [Fact]
    public void An_english_query_takes_its_snippet_from_the_english_text()
    {
        using var index = IndexOf(Listing(1, "ระบบน้ำ", titleEn: "River monitor", summaryTh: "ตรวจวัดระดับน้ำ",
            summaryEn: "Sensors monitoring river levels in real time"));

        var hit = Assert.Single(index.Search(new SearchRequest("monitoring")).Hits);

        Assert.True(hit.SnippetIsEnglish);
        Assert.Equal("Sensors <mark>monitoring</mark> river levels in real time", hit.SnippetHtml);
        Assert.Equal("River <mark>monitor</mark>", hit.TitleEnHtml);
        Assert.Equal("ระบบน้ำ", hit.TitleHtml);
    }

    [Fact]
    public void Every_hit_of_a_page_gets_its_own_marks()
    {
        using var index = IndexOf(
            Listing(1, "ก", titleEn: "Water sensors", summaryEn: "Clean water for villages"),
            Listing(2, "ข", titleEn: "Flood and water maps", summaryEn: "Maps of rivers"),
            Listing(3, "ค", titleEn: "Schools", summaryEn: "Drinking water quality in schools"));

        var hits = index.Search(new SearchRequest("water", Sort: SearchSort.Newest)).Hits;

        Assert.Equal(
            ["Schools|Drinking <mark>water</mark> quality in schools", "Flood and <mark>water</mark> maps|Maps of rivers",
                "<mark>Water</mark> sensors|Clean <mark>water</mark> for villages"],
            hits.Select(h => h.TitleEnHtml + "|" + h.SnippetHtml));
    }

    [Fact]
    public void A_fuzzy_match_is_marked_with_the_word_actually_found()
    {
        using var index = IndexOf(Listing(1, "ก", titleEn: "Budget transparency portal"));

        var hit = Assert.Single(index.Search(new SearchRequest("transparancy")).Hits);

        Assert.Equal("Budget <mark>transparency</mark> portal", hit.TitleEnHtml);
    }

    [Fact]
    public void Text_matched_only_through_thai_bigrams_is_still_marked()
    {
        using var index = IndexOf(Listing(1, "ลูกตากลมโต"));

        var hit = Assert.Single(index.Search(new SearchRequest("ลูกตา")).Hits);

        Assert.Equal("<mark>ลูกตา</mark>กลมโต", hit.TitleHtml);
    }

    [Fact]
    public void A_long_description_gives_a_snippet_of_about_two_hundred_characters_around_the_match()
    {
        var filler = string.Concat(Enumerable.Repeat("บริการประชาชนทั่วไป ", 40));
        using var index = IndexOf(Listing(1, "ระบบ", summaryTh: "สรุป", descriptionTh: filler + "รองรับการเชื่อมต่อดาวเทียม " + filler));

        var hit = Assert.Single(index.Search(new SearchRequest("ดาวเทียม")).Hits);

        Assert.Contains("<mark>ดาวเทียม</mark>", hit.SnippetHtml);
        Assert.InRange(hit.SnippetHtml.Replace("<mark>", "").Replace("</mark>", "").Length, 100, 260);
    }
}
