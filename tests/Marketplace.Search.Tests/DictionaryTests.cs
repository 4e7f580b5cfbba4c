using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class DictionaryTests
{
    [Fact]
    public void An_abbreviation_finds_listings_written_in_full_and_the_full_form_finds_the_abbreviation()
    {
        using var index = IndexOf(
            Listing(1, "ระบบระบายน้ำของกรุงเทพมหานคร", provinces: ["TH-50"]),
            Listing(2, "แอปสำหรับ อสม. เยี่ยมบ้าน", provinces: ["TH-50"]),
            Listing(3, "ตลาดนัดออนไลน์", provinces: ["TH-50"]));

        Assert.Equal([1], index.Search(new SearchRequest("กทม.")).Ids());
        Assert.Equal([2], index.Search(new SearchRequest("อาสาสมัครสาธารณสุขประจำหมู่บ้าน")).Ids());
        Assert.Equal([2], index.Search(new SearchRequest("อสม")).Ids());
    }

    [Fact]
    public void The_words_as_typed_rank_above_their_dictionary_alternatives()
    {
        using var index = IndexOf(
            Listing(1, "แพลตฟอร์มดิจิทัลสำหรับโรงเรียน"),
            Listing(2, "แพลตฟอร์มดิจิตอลสำหรับโรงเรียน"));

        Assert.Equal([2, 1], index.Search(new SearchRequest("ดิจิตอล")).Ids());
        Assert.Equal([1, 2], index.Search(new SearchRequest("ดิจิทัล")).Ids());
    }

    [Fact]
    public void British_and_american_spellings_find_each_other()
    {
        using var index = IndexOf(Listing(1, "ระบบ", titleEn: "Open data catalogue for every organisation"));

        Assert.Equal([1], index.Search(new SearchRequest("organization catalog")).Ids());
    }

    [Fact]
    public void An_english_query_finds_a_thai_only_listing_and_a_thai_query_finds_english_wording()
    {
        using var index = IndexOf(
            Listing(1, "กล้องตรวจจับการลักลอบทิ้งขยะ"),
            Listing(2, "ระบบ", titleEn: "Water quality monitoring"),
            Listing(3, "ตลาดนัดออนไลน์"));

        Assert.Equal([1], index.Search(new SearchRequest("illegal dumping")).Ids());
        Assert.Equal([2], index.Search(new SearchRequest("คุณภาพน้ำ")).Ids());
    }

    [Fact]
    public void A_province_in_the_query_matches_listings_deployed_there_and_ranks_them_first()
    {
        using var index = IndexOf(
            Listing(1, "ระบบเก็บขยะอัจฉริยะ", provinces: ["TH-10"]),
            Listing(2, "ระบบเก็บขยะอัจฉริยะ", provinces: ["TH-50"]),
            Listing(3, "แผนที่ท่องเที่ยว", provinces: ["TH-50"]));

        Assert.Equal(2, index.Search(new SearchRequest("ขยะ เชียงใหม่")).Ids()[0]);
        Assert.Equal(2, index.Search(new SearchRequest("garbage Chiang Mai")).Ids()[0]);
        Assert.Equal(1, index.Search(new SearchRequest("ขยะ กทม.")).Ids()[0]);
    }

    [Fact]
    public void A_word_with_dots_is_found_whole_and_by_its_parts()
    {
        using var index = IndexOf(Listing(1, "การแพทย์ทางไกลสำหรับ รพ.สต. และตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"), Listing(2, "ตลาดนัดออนไลน์"));

        Assert.Equal([1], index.Search(new SearchRequest("รพ.สต.")).Ids());
        Assert.Equal([1], index.Search(new SearchRequest("โรงพยาบาลส่งเสริมสุขภาพตำบล")).Ids());
        Assert.Equal([1], index.Search(new SearchRequest("คุ้มครอง")).Ids());
    }

    [Fact]
    public void A_replaced_dictionary_takes_effect_on_the_next_search()
    {
        using var index = IndexOf(Listing(1, "ระบบจัดการคิวคลินิก"), Listing(2, "ตลาดนัดออนไลน์"));
        Assert.Empty(index.Search(new SearchRequest("qmatic")).Ids());

        index.Dictionary = SearchDictionary.BuiltIn.With([new DictionaryEntry(DictionaryKind.Glossary, ["qmatic", "จัดการคิว"])]);

        Assert.Equal([1], index.Search(new SearchRequest("qmatic")).Ids());
    }

    [Fact]
    public void Dictionary_files_are_parsed_one_entry_per_line_with_comments_and_blank_lines_skipped()
    {
        var entries = SearchDictionary.Parse(DictionaryKind.Abbreviation, new StringReader("# comment\n\nกทม. | กรุงเทพมหานคร | BMA\nonly-one-term\n"));

        var entry = Assert.Single(entries);
        Assert.Equal(["กทม.", "กรุงเทพมหานคร", "BMA"], entry.Terms);
        Assert.Equal(DictionaryKind.Province, SearchDictionary.KindOfFile("provinces.txt"));
    }

    [Fact]
    public void The_shipped_dictionaries_hold_hundreds_of_abbreviations_and_glossary_pairs_and_every_province()
    {
        var entries = SearchDictionary.BuiltIn.Entries;

        Assert.True(entries.Count(e => e.Kind == DictionaryKind.Abbreviation) >= 300);
        Assert.True(entries.Count(e => e.Kind == DictionaryKind.Glossary) >= 250);
        Assert.True(entries.Count(e => e.Kind == DictionaryKind.Variant) >= 100);
        Assert.Equal(77, entries.Count(e => e.Kind == DictionaryKind.Province));
    }

    [Fact]
    public void Equal_scores_come_back_in_listing_id_order_whatever_order_they_were_indexed_in()
    {
        using var forwards = IndexOf(Listing(5, "ระบบจองคิว"), Listing(7, "ระบบจองคิว"), Listing(6, "ระบบจองคิว"));
        using var backwards = IndexOf(Listing(6, "ระบบจองคิว"), Listing(7, "ระบบจองคิว"), Listing(5, "ระบบจองคิว"));

        Assert.Equal([5, 6, 7], forwards.Search(new SearchRequest("จองคิว")).Ids());
        Assert.Equal([5, 6, 7], backwards.Search(new SearchRequest("จองคิว")).Ids());
    }
}
