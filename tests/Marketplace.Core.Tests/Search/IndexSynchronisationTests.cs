using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Catalogue;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Core.Tests.Search;

public sealed class IndexSynchronisationTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<IReadOnlyList<int>> SearchIdsAsync(string query) =>
        (await app.SendAsync(new SearchSolutions.Query(new SearchRequest(query, PageSize: 100)))).Items.Select(i => i.Id).ToList();

    private async Task<int> PublishAsync(ListingForm form)
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var id = (await app.SendAsync(new SaveListing.Command { Listing = form })).ListingId;
        await app.SendAsync(new SubmitListing.Command(id));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new DecideListing.Command { ListingId = id, Decision = ListingDecision.Approve });
        return id;
    }

    private Task<HashSet<int>> PublishedIdsInDatabaseAsync() =>
        app.QueryDbAsync(async db => (await db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Id).ToListAsync()).ToHashSet());

    private static HashSet<int> IdsInIndex(SolutionIndex index) =>
        index.Search(new SearchRequest(null, PageSize: 100, Page: 1)).Hits.Select(h => h.Id)
            .Concat(index.Search(new SearchRequest(null, PageSize: 100, Page: 2)).Hits.Select(h => h.Id)).ToHashSet();

    [Fact]
    public async Task The_start_up_index_holds_exactly_the_published_listings_of_the_database()
    {
        Assert.Equal(await PublishedIdsInDatabaseAsync(), IdsInIndex(app.Search.Index));
    }

    [Fact]
    public async Task An_approved_listing_is_found_once_the_change_log_is_applied_and_a_withdrawn_one_disappears()
    {
        var form = ListingForms.Complete("ระบบเฝ้าระวังฝุ่นละอองในโรงเรียน");
        form.DescriptionTh = string.Concat(Enumerable.Repeat("เซนเซอร์วัดฝุ่นพีเอ็มสองจุดห้าในห้องเรียนแจ้งเตือนครูผ่านไลน์ ", 6));
        var id = await PublishAsync(form);
        Assert.True(await app.Search.LagAsync(CancellationToken.None) > 0);

        await app.Search.CatchUpAsync(CancellationToken.None);
        Assert.Contains(id, await SearchIdsAsync("ฝุ่นละออง"));
        Assert.Equal(0, await app.Search.LagAsync(CancellationToken.None));

        await app.AsUserAsync(DemoAccounts.Vendor);
        await app.SendAsync(new WithdrawListing.Command(id));
        await app.Search.CatchUpAsync(CancellationToken.None);
        Assert.DoesNotContain(id, await SearchIdsAsync("ฝุ่นละออง"));
    }

    [Fact]
    public async Task Renaming_a_vendor_reindexes_its_listings_under_the_new_name()
    {
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        var profile = await app.SendAsync(new EditOrganisationProfile.Query());
        profile.NameEn = "Zephyrine Analytics";
        await app.SendAsync(profile);
        // A verified vendor's new name is live only once NIA approves it.
        var change = await app.QueryDbAsync(db => db.OrganisationChangeRequests.SingleAsync(c => c.OrganisationId == profile.OrganisationId && c.State == ChangeRequestState.Pending));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new OrganisationChanges.Decide { ChangeId = change.Id, Approve = true });
        await app.Search.CatchUpAsync(CancellationToken.None);

        var vendorListings = await app.QueryDbAsync(db => db.Listings.Where(l => l.VendorId == profile.OrganisationId && l.Visibility == Visibility.Published).Select(l => l.Id).ToListAsync());
        Assert.NotEmpty(vendorListings);
        Assert.Equal(vendorListings.Order(), (await SearchIdsAsync("Zephyrine")).Order());
    }

    [Fact]
    public async Task Facet_counts_equal_the_counts_the_database_gives_for_the_same_filters()
    {
        var result = await app.SendAsync(new SearchSolutions.Query(new SearchRequest(null, Sector: "GovTech", PageSize: 1)));
        var live = await app.QueryDbAsync(db => db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Live!).ToListAsync());

        Assert.Equal(live.Count(c => c.Sector == Domain.Sector.GovTech), result.Total);
        foreach (var (category, count) in result.Facets["category"])
            Assert.Equal(live.Count(c => c.Sector == Domain.Sector.GovTech && c.Categories.Contains(int.Parse(category))), count);
        foreach (var (province, count) in result.Facets["province"])
            Assert.Equal(live.Count(c => c.Sector == Domain.Sector.GovTech && c.Provinces.Contains(province)), count);
        // The sector facet ignores its own filter, so a person sees what the other sectors hold.
        foreach (var (sector, count) in result.Facets["sector"])
            Assert.Equal(live.Count(c => c.Sector.ToString() == sector), count);
    }
}

/// <summary>Each test here damages the index its own way, so each gets a fresh database.</summary>
public sealed class IndexCrashSafetyTests : IAsyncLifetime
{
    private readonly SliceFixture _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private SearchIndexHost NewHost() => new(_app.IndexFolder, _app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock, NullLogger<SearchIndexHost>.Instance);

    private async Task<(HashSet<int> Database, HashSet<int> Index)> CompareAfterRestartAsync()
    {
        using var restarted = NewHost();
        await restarted.StartAsync(CancellationToken.None);
        var database = await _app.QueryDbAsync(async db => (await db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Id).ToListAsync()).ToHashSet());
        var index = restarted.Index.Search(new SearchRequest(null, PageSize: 100)).Hits.Select(h => h.Id)
            .Concat(restarted.Index.Search(new SearchRequest(null, PageSize: 100, Page: 2)).Hits.Select(h => h.Id)).ToHashSet();
        return (database, index);
    }

    [Fact]
    public async Task An_index_whose_writer_died_before_committing_catches_up_from_the_change_log_at_the_next_start()
    {
        await _app.AsUserAsync(DemoAccounts.Moderator);
        var submitted = await _app.SendAsync(new ListingQueue.Query());
        var verifiedVendorItem = submitted.Items.First(i => !i.VendorNameEn.Contains("Pending", StringComparison.OrdinalIgnoreCase));
        await _app.SendAsync(new DecideListing.Command { ListingId = verifiedVendorItem.Id, Decision = ListingDecision.Approve });
        // The change is committed to the database, but the process "dies" before the index applies it.
        _app.Search.Dispose();

        var (database, index) = await CompareAfterRestartAsync();
        Assert.Contains(verifiedVendorItem.Id, database);
        Assert.Equal(database, index);
    }

    [Fact]
    public async Task A_deleted_index_folder_is_rebuilt_from_the_database()
    {
        _app.Search.Dispose();
        Directory.Delete(_app.IndexFolder, recursive: true);

        var (database, index) = await CompareAfterRestartAsync();
        Assert.NotEmpty(database);
        Assert.Equal(database, index);
    }

    [Fact]
    public async Task A_corrupted_index_is_rebuilt_from_the_database()
    {
        _app.Search.Dispose();
        foreach (var file in Directory.GetFiles(_app.IndexFolder, "segments*"))
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);

        var (database, index) = await CompareAfterRestartAsync();
        Assert.Equal(database, index);
    }
}
