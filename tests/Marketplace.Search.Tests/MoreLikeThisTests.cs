using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class MoreLikeThisTests
{
    [Fact]
    public void A_challenge_text_finds_the_listings_that_share_its_words_and_names_them()
    {
        using var index = IndexOf(
            Listing(1, "ระบบตรวจวัดคุณภาพน้ำในแม่น้ำ", descriptionTh: "เซ็นเซอร์วัดคุณภาพน้ำและแจ้งเตือนมลพิษ", titleEn: "River water quality sensors"),
            Listing(2, "แพลตฟอร์มการเรียนรู้ออนไลน์", descriptionTh: "บทเรียนสำหรับนักเรียนและครู"),
            Listing(3, "แผนที่คุณภาพอากาศ", descriptionTh: "ตรวจวัดฝุ่นละออง"));

        var similar = index.MoreLikeThis("ต้องการระบบตรวจวัดคุณภาพน้ำและแจ้งเตือนมลพิษในคลอง", "water quality alerts", "GovTech", 4, ["TH-10"], 5);

        Assert.Equal(1, similar[0].Id);
        Assert.Contains("มลพิษ", similar[0].SharedTerms);
        Assert.Contains("water", similar[0].SharedTerms);
        Assert.DoesNotContain(similar, s => s.Id == 2);
    }

    [Fact]
    public void Matching_category_and_province_break_a_tie_in_wording()
    {
        using var index = IndexOf(
            Listing(1, "ระบบจัดการขยะชุมชน", categories: [2], provinces: ["TH-50"]),
            Listing(2, "ระบบจัดการขยะชุมชน", categories: [4], provinces: ["TH-10"]));

        var similar = index.MoreLikeThis("จัดการขยะชุมชน", null, null, 4, ["TH-10"], 5);

        Assert.Equal([2, 1], similar.Select(s => s.Id));
    }

    [Fact]
    public void Empty_text_gives_no_matches()
    {
        using var index = IndexOf(Listing(1, "ระบบ"));

        Assert.Empty(index.MoreLikeThis(" ", null, "GovTech", 1, [], 5));
    }
}
