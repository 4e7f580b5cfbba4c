using System.Diagnostics;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplace.Core.Tests.Search;

/// <summary>
/// A rebuild reads the published listings a page at a time (by id) while it indexes the page before, instead of
/// loading the catalogue first: every published listing still ends up in the index, and a read that fails half-way
/// leaves the index as it was.
/// </summary>
public sealed class StreamedRebuildTests : IAsyncLifetime
{
    private const int PageSize = 7;
    private readonly SliceFixture _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.Search.RebuildPageSize = PageSize;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The listings the public may see (published, with a live copy), and the rest.</summary>
    private async Task<(HashSet<int> Published, HashSet<int> Others)> ListingIdsAsync()
    {
        var all = await _app.QueryDbAsync(db => db.Listings.Select(l => new { l.Id, Public = l.Visibility == Visibility.Published && l.Live != null }).ToListAsync());
        return (all.Where(l => l.Public).Select(l => l.Id).ToHashSet(), all.Where(l => !l.Public).Select(l => l.Id).ToHashSet());
    }

    private HashSet<int> IdsInIndex() => _app.Search.Read(index =>
        Enumerable.Range(1, 5).SelectMany(page => index.Search(new SearchRequest(null, PageSize: 100, Page: page)).Hits.Select(h => h.Id)).ToHashSet());

    [Fact]
    public async Task A_rebuild_read_in_pages_indexes_every_published_listing_and_none_of_the_others()
    {
        var (published, others) = await ListingIdsAsync();
        Assert.True(published.Count > 5 * PageSize, $"{published.Count} published listings");
        Assert.NotEmpty(others);

        using var pages = await ListenAsync();
        await _app.Search.RebuildAsync(CancellationToken.None);

        Assert.Equal(published, IdsInIndex());
        Assert.Equal(published.Count, _app.Search.Index.DocumentCount);
        Assert.True(pages.Count >= published.Count / PageSize, $"{pages.Count} pages read");
        var progress = _app.Search.Progress;
        Assert.Equal((false, published.Count, published.Count, (string?)null), (progress.Running, progress.Done, progress.Total, progress.Error));
    }

    [Fact]
    public async Task A_read_that_fails_half_way_leaves_every_listing_in_the_index_and_reports_the_error()
    {
        var (published, _) = await ListingIdsAsync();
        var applied = _app.Search.Index.LastAppliedSequence;

        using (await ListenAsync(failAt: 3))
            await Assert.ThrowsAnyAsync<Exception>(() => _app.Search.RebuildAsync(CancellationToken.None));

        _app.Search.Index.Refresh();
        Assert.Equal(published, IdsInIndex());
        Assert.Equal(published.Count, _app.Search.Index.DocumentCount);
        Assert.Equal(applied, _app.Search.Index.LastAppliedSequence);
        var progress = _app.Search.Progress;
        Assert.False(progress.Running);
        Assert.Equal(PageReads.Failure, progress.Error);

        // The next rebuild completes.
        await _app.Search.RebuildAsync(CancellationToken.None);
        Assert.Equal(published, IdsInIndex());
        Assert.Null(_app.Search.Progress.Error);
    }

    /// <summary>
    /// Subscribes to this test's database commands and waits until they are seen: EF Core stops checking for listeners
    /// for a while after it found none, so the first commands after subscribing may pass unseen.
    /// </summary>
    private async Task<PageReads> ListenAsync(int failAt = 0)
    {
        var database = await _app.QueryDbAsync(db =>
        {
            var connection = db.Database.GetDbConnection();
            return Task.FromResult(((string?)connection.DataSource, (string?)connection.Database));
        });
        var reads = new PageReads(database, failAt);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!reads.Listening && DateTime.UtcNow < deadline)
        {
            await _app.QueryDbAsync(db => db.ChangeLog.CountAsync());
            await Task.Delay(50);
        }
        Assert.True(reads.Listening);
        return reads;
    }

    /// <summary>
    /// Counts the rebuild's page reads sent to this test's database, through EF Core's diagnostic events, and makes the
    /// <c>failAt</c>-th fail as a lost connection would.
    /// </summary>
    private sealed class PageReads : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public const string Failure = "The connection was lost (test)";
        private readonly (string?, string?) _database;
        private readonly int _failAt;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;
        private volatile bool _listening;

        public PageReads((string?, string?) database, int failAt = 0)
        {
            (_database, _failAt) = (database, failAt);
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref _count);

        public bool Listening => _listening;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                    _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data
                || (data.Command.Connection?.DataSource, data.Command.Connection?.Database) != _database)
                return;
            _listening = true;
            var sql = data.Command.CommandText;
            if (!sql.Contains("FROM \"Listings\"", StringComparison.Ordinal) || !sql.Contains("LIMIT", StringComparison.Ordinal))
                return;
            if (Interlocked.Increment(ref _count) == _failAt)
                throw new InvalidOperationException(Failure);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
                _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
