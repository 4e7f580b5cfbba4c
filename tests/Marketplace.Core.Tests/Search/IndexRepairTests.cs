using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Core.Tests.Search;

/// <summary>The index is never silently incomplete: lost, emptied, short or corrupted while running, it is rebuilt.</summary>
public sealed class IndexRepairTests : IAsyncLifetime
{
    private readonly SliceFixture _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private SearchIndexHost NewHost() => new(_app.IndexFolder, _app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock, NullLogger<SearchIndexHost>.Instance);

    private Task<HashSet<int>> PublishedIdsAsync() =>
        _app.QueryDbAsync(async db => (await db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Id).ToListAsync()).ToHashSet());

    private static HashSet<int> IdsIn(SearchIndexHost host) => host.Read(index =>
        index.Search(new SearchRequest(null, PageSize: 100)).Hits.Select(h => h.Id)
            .Concat(index.Search(new SearchRequest(null, PageSize: 100, Page: 2)).Hits.Select(h => h.Id)).ToHashSet());

    /// <summary>Approves a waiting listing, so the change log holds entries the index has applied.</summary>
    private async Task ApproveOneAsync()
    {
        await _app.AsUserAsync(DemoAccounts.Moderator);
        var waiting = (await _app.SendAsync(new ListingQueue.Query())).Items.First(i => !i.VendorNameEn.Contains("Pending", StringComparison.OrdinalIgnoreCase));
        await _app.SendAsync(new DecideListing.Command { ListingId = waiting.Id, Decision = ListingDecision.Approve });
        await _app.Search.CatchUpAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_index_folder_lost_after_changes_were_logged_is_rebuilt_not_replayed_from_the_log()
    {
        await ApproveOneAsync();
        Assert.True(await _app.QueryDbAsync(db => db.ChangeLog.AnyAsync()));
        _app.Search.Dispose();
        Directory.Delete(_app.IndexFolder, recursive: true);

        using var restarted = NewHost();
        await restarted.StartAsync(CancellationToken.None);

        var published = await PublishedIdsAsync();
        Assert.True(published.Count > 50);
        Assert.Equal(published, IdsIn(restarted));
        Assert.False(restarted.Progress.Running);
        Assert.Equal(published.Count, restarted.Progress.Done);
    }

    [Fact]
    public async Task An_index_holding_fewer_listings_than_the_database_is_rebuilt_at_start_up_and_by_the_periodic_check()
    {
        await ApproveOneAsync();
        var published = await PublishedIdsAsync();
        var applied = _app.Search.Index.LastAppliedSequence;
        // Up to date by its sequence, yet short of two listings (say a copy restored from an older backup).
        _app.Search.Index.Delete(published.First());
        _app.Search.Index.Delete(published.Last());
        _app.Search.Index.Commit(applied);
        _app.Search.Index.Refresh();
        Assert.Equal(published.Count - 2, _app.Search.Index.DocumentCount);

        Assert.True(await _app.Search.VerifyAsync(CancellationToken.None));
        Assert.Equal(published, IdsIn(_app.Search));
        Assert.False(await _app.Search.VerifyAsync(CancellationToken.None));

        _app.Search.Index.Delete(published.First());
        _app.Search.Index.Commit(applied);
        _app.Search.Dispose();
        using var restarted = NewHost();
        await restarted.StartAsync(CancellationToken.None);
        Assert.Equal(published, IdsIn(restarted));
    }

    [Fact]
    public async Task A_read_error_at_run_time_refuses_searches_with_search_unavailable_and_repairs_the_index()
    {
        var published = await PublishedIdsAsync();
        CorruptFilesInPlace(_app.IndexFolder);

        var refused = Assert.Throws<SearchUnavailableException>(() => IdsIn(_app.Search));
        Assert.NotNull(refused.InnerException);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((_app.Search.Damage is not null || _app.Search.Progress.Running) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Null(_app.Search.Damage);
        Assert.Equal(published, IdsIn(_app.Search));
    }

    [Fact]
    public async Task The_rebuild_progress_is_final_when_the_rebuild_returns()
    {
        for (var i = 0; i < 5; i++)
        {
            await _app.Search.RebuildAsync(CancellationToken.None);
            var progress = _app.Search.Progress;
            Assert.False(progress.Running);
            Assert.Equal(progress.Total, progress.Done);
        }
    }

    /// <summary>
    /// Overwrites every data file with the same number of 0xFF bytes while the index has them open (their length is
    /// kept: the files are memory-mapped), the way a failing disk or a stray process would.
    /// </summary>
    private static void CorruptFilesInPlace(string folder)
    {
        foreach (var file in Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            var garbage = new byte[stream.Length];
            Array.Fill(garbage, (byte)0xFF);
            stream.Write(garbage);
        }
    }
}
