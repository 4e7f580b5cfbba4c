using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

public sealed class SortAndPagingTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Name_sort_follows_thai_dictionary_order_where_leading_vowels_sort_by_their_consonant()
    {
        using var index = IndexOf(
            Listing(1, "ขนส่งอัจฉริยะ"),
            Listing(2, "ไก่ชนออนไลน์"),
            Listing(3, "กระดาษดิจิทัล"),
            Listing(4, "เกษตรแม่นยำ"));

        var result = index.Search(new SearchRequest(null, Sort: SearchSort.Name));

        // Code-point order would put ไก่ and เกษตร after ขนส่ง because เ and ไ come after ข.
        Assert.Equal([3, 4, 2, 1], result.Ids());
    }

    [Fact]
    public void Newest_sort_puts_the_latest_publication_first()
    {
        using var index = IndexOf(
            Listing(1, "ระบบข้อมูล ก", publishedAt: Day.AddDays(2)),
            Listing(2, "ระบบข้อมูล ข", publishedAt: Day.AddDays(9)),
            Listing(3, "ระบบข้อมูล ค", publishedAt: Day));

        Assert.Equal([2, 1, 3], index.Search(new SearchRequest("ข้อมูล", Sort: SearchSort.Newest)).Ids());
    }

    [Fact]
    public void Relevance_without_words_lists_the_newest_first()
    {
        using var index = IndexOf(Listing(1, "ก", publishedAt: Day), Listing(2, "ข", publishedAt: Day.AddDays(1)));

        Assert.Equal([2, 1], index.Search(new SearchRequest("  ")).Ids());
    }

    [Fact]
    public void A_browse_page_is_kept_for_its_snapshot_and_follows_every_change_to_the_index()
    {
        using var index = IndexOf(
            Listing(1, "ก", publishedAt: Day, sector: "GovTech"),
            Listing(2, "ข", publishedAt: Day.AddDays(1), sector: "EdTech"));
        var browse = new SearchRequest(null, Sort: SearchSort.Newest);

        Assert.Equal([2, 1], index.Search(browse).Ids());
        Assert.Same(index.Search(browse), index.Search(browse with { Query = " " }));

        index.Upsert(Listing(3, "ค", publishedAt: Day.AddDays(2), sector: "GovTech"));
        index.Refresh();
        var added = index.Search(browse);
        Assert.Equal([3, 2, 1], added.Ids());
        Assert.Equal(2, added.Facets["sector"]["GovTech"]);

        index.Delete(2);
        index.Refresh();
        var deleted = index.Search(browse);
        Assert.Equal([3, 1], deleted.Ids());
        Assert.False(deleted.Facets["sector"].ContainsKey("EdTech"));
        Assert.Equal([1], index.Search(browse with { Sector = "GovTech", Page = 2, PageSize = 1 }).Ids());
    }

    [Fact]
    public void A_visitor_varying_browse_pages_cannot_make_one_snapshot_keep_more_than_512_of_them()
    {
        using var index = IndexOf(Listing(1, "ก", publishedAt: Day), Listing(2, "ข", publishedAt: Day.AddDays(1)));
        SearchRequest Page(int number) => new(null, Sort: SearchSort.Newest, Page: number, PageSize: 1);
        for (var number = 1; number <= 512; number++)
        {
            index.Search(Page(number));
        }

        Assert.Same(index.Search(Page(512)), index.Search(Page(512)));
        var beyond = index.Search(Page(513));
        Assert.NotSame(beyond, index.Search(Page(513)));
        Assert.Equal(beyond.Total, index.Search(Page(513)).Total);
    }

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Newest)]
    public void Equal_listings_come_back_in_listing_id_order_whatever_order_they_were_indexed_in(SearchSort sort)
    {
        var sameDay = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var listings = Enumerable.Range(1, 120).Select(id => Listing(id, "ระบบจัดเก็บขยะชุมชน", publishedAt: sameDay)).ToList();
        using var forward = IndexOf([.. listings]);
        using var backward = IndexOf([.. Enumerable.Reverse(listings)]);

        var expected = Enumerable.Range(21, 20).ToArray();
        Assert.Equal(expected, forward.Search(new SearchRequest("ขยะ", Sort: sort, Page: 2)).Ids());
        Assert.Equal(expected, backward.Search(new SearchRequest("ขยะ", Sort: sort, Page: 2)).Ids());
    }

    [Fact]
    public void Pages_slice_the_same_ordering_without_overlap_and_report_the_total()
    {
        using var index = IndexOf([.. Enumerable.Range(1, 25).Select(i => Listing(i, "ระบบข้อมูล", publishedAt: Day.AddDays(i)))]);

        var first = index.Search(new SearchRequest("ข้อมูล", Sort: SearchSort.Newest, Page: 1, PageSize: 10));
        var third = index.Search(new SearchRequest("ข้อมูล", Sort: SearchSort.Newest, Page: 3, PageSize: 10));
        var beyond = index.Search(new SearchRequest("ข้อมูล", Page: 9, PageSize: 10));

        Assert.Equal(Enumerable.Range(16, 10).Reverse(), first.Ids());
        Assert.Equal(Enumerable.Range(1, 5).Reverse(), third.Ids());
        Assert.Equal(25, beyond.Total);
        Assert.Empty(beyond.Hits);
    }

    [Fact]
    public void Page_size_is_clamped_to_one_hundred_and_page_to_one()
    {
        using var index = IndexOf([.. Enumerable.Range(1, 120).Select(i => Listing(i, "ระบบ"))]);

        var result = index.Search(new SearchRequest(null, Page: -3, PageSize: 5000));

        Assert.Equal((1, 100, 100), (result.Page, result.PageSize, result.Hits.Count));
    }
}
