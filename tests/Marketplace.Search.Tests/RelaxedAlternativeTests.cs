using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class RelaxedAlternativeTests
{
    [Fact]
    public void When_no_listing_has_every_word_an_alternative_found_inside_a_thai_chunk_qualifies_a_listing_by_its_own_words()
    {
        var dictionary = new SearchDictionary([new DictionaryEntry(DictionaryKind.Glossary, ["ทุจริต", "ฮั้วประมูล"])]);
        using var index = IndexOf(
            Listing(1, "เรดาร์ความเสี่ยงการฮั้วประมูล"),
            Listing(2, "ระบบป้องกันน้ำท่วมชุมชน"),
            Listing(3, "ตลาดนัดออนไลน์"));

        // "ป้องกันการทุจริต" has the alternative "ป้องกันการฮั้วประมูล"; listing 1 has the other name but not "ป้องกัน".
        Assert.Contains(1, index.Search(new SearchRequest("ป้องกันการทุจริต"), dictionary).Ids());
    }
}
