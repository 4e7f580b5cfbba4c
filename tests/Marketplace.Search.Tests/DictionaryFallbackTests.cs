using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

/// <summary>
/// A dictionary entry no listing could match through must not hide the shorter entries inside it: the words it
/// covers are looked up again as if it were absent.
/// </summary>
public sealed class DictionaryFallbackTests
{
    [Fact]
    public void A_longer_thai_term_whose_other_names_no_listing_has_lets_the_term_inside_it_find_its_alternative()
    {
        var dictionary = new SearchDictionary(
        [
            new DictionaryEntry(DictionaryKind.Glossary, ["ป้องกันการทุจริต", "ต่อต้านคอร์รัปชัน"]),
            new DictionaryEntry(DictionaryKind.Glossary, ["ทุจริต", "ฮั้วประมูล"]),
        ]);
        using var index = IndexOf(
            Listing(1, "เรดาร์ความเสี่ยงการฮั้วประมูล"),
            Listing(2, "ระบบป้องกันน้ำท่วมชุมชน"),
            Listing(3, "ตลาดนัดออนไลน์"));

        Assert.Contains(1, index.Search(new SearchRequest("ป้องกันการทุจริต"), dictionary).Ids());
    }

    [Fact]
    public void English_words_whose_phrase_entry_no_listing_matches_are_looked_up_in_the_shorter_phrases()
    {
        var dictionary = new SearchDictionary(
        [
            new DictionaryEntry(DictionaryKind.Glossary, ["patient data", "ระเบียนผู้ป่วย"]),
            new DictionaryEntry(DictionaryKind.Glossary, ["data sharing", "แลกเปลี่ยนข้อมูล"]),
        ]);
        using var index = IndexOf(
            Listing(1, "แพลตฟอร์มแลกเปลี่ยนข้อมูลระหว่างโรงพยาบาล"),
            Listing(2, "ระบบจองคิว", titleEn: "Patient queue booking"),
            Listing(3, "ตลาดนัดออนไลน์"));

        Assert.Contains(1, index.Search(new SearchRequest("patient data sharing"), dictionary).Ids());
    }
}
