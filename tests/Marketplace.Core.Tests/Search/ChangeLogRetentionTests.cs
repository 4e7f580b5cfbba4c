using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Core.Tests.Search;

/// <summary>The change log is pruned after its retention period; an index that fell behind beyond it is rebuilt, not caught up.</summary>
public sealed class ChangeLogRetentionTests : IAsyncLifetime
{
    private readonly SliceFixture _app = new();

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ChangeLogRetention Retention => new(_app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock) { Period = TimeSpan.FromDays(7) };

    /// <summary>Entries are stamped with the real time; moves the fixture's clock to the real time plus <paramref name="days"/>.</summary>
    private void ClockAtRealTimePlus(double days) => _app.Clock.Advance(DateTimeOffset.UtcNow - _app.Clock.Now + TimeSpan.FromDays(days));

    private async Task<int> ApproveOneAsync()
    {
        await _app.AsUserAsync(DemoAccounts.Moderator);
        var waiting = (await _app.SendAsync(new ListingQueue.Query())).Items.First(i => !i.VendorNameEn.Contains("Pending", StringComparison.OrdinalIgnoreCase));
        await _app.SendAsync(new DecideListing.Command { ListingId = waiting.Id, Decision = ListingDecision.Approve });
        return waiting.Id;
    }

    private static HashSet<int> IdsIn(SearchIndexHost host) => host.Read(index =>
        index.Search(new SearchRequest(null, PageSize: 100)).Hits.Select(h => h.Id)
            .Concat(index.Search(new SearchRequest(null, PageSize: 100, Page: 2)).Hits.Select(h => h.Id)).ToHashSet());

    [Fact]
    public async Task Entries_older_than_the_retention_period_are_deleted_except_the_newest()
    {
        await ApproveOneAsync();
        await ApproveOneAsync();
        var sequences = await _app.QueryDbAsync(db => db.ChangeLog.Select(c => c.Sequence).ToListAsync());
        Assert.True(sequences.Count >= 2);

        ClockAtRealTimePlus(3);
        Assert.Equal(0, await Retention.PruneAsync(CancellationToken.None));
        Assert.Equal(sequences.Count, await _app.QueryDbAsync(db => db.ChangeLog.CountAsync()));

        ClockAtRealTimePlus(8);
        Assert.Equal(sequences.Count - 1, await Retention.PruneAsync(CancellationToken.None));
        // The newest stays, so an instance can still tell how far the log reaches.
        Assert.Equal([sequences.Max()], await _app.QueryDbAsync(db => db.ChangeLog.Select(c => c.Sequence).ToListAsync()));
    }

    [Fact]
    public async Task An_instance_whose_next_entries_were_pruned_rebuilds_from_the_database_instead_of_catching_up()
    {
        // A second instance with its own index, up to date with a non-empty log, then away while two listings are approved.
        await ApproveOneAsync();
        using var away = new SearchIndexHost(_app.IndexFolder + "-away", _app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Clock,
            NullLogger<SearchIndexHost>.Instance);
        await away.StartAsync(CancellationToken.None);
        Assert.True(away.Index.LastAppliedSequence > 0);
        var builtAt = away.Progress.FinishedAt;
        var first = await ApproveOneAsync();
        var second = await ApproveOneAsync();

        // Beyond the retention period only the newest entry (the second approval) is left: catching up would miss the first.
        ClockAtRealTimePlus(8);
        Assert.True(await Retention.PruneAsync(CancellationToken.None) > 0);
        Assert.True(await _app.QueryDbAsync(db => db.ChangeLog.AllAsync(c => c.Sequence > away.Index.LastAppliedSequence + 1)));

        await away.CatchUpAsync(CancellationToken.None);

        Assert.True(away.Progress.FinishedAt > builtAt, "The index was not rebuilt");
        var published = await _app.QueryDbAsync(async db => (await db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Id).ToListAsync()).ToHashSet());
        Assert.Contains(first, published);
        Assert.Contains(second, published);
        Assert.Equal(published, IdsIn(away));
    }
}
