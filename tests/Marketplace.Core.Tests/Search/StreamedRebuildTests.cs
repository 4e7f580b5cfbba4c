using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Search;

/// <summary>
/// A rebuild reads the published listings a page at a time (by id) while it indexes the page before, instead of
/// loading the catalogue first: every published listing still ends up in the index, and a read that fails half-way
/// leaves the index as it was.
/// </summary>
public sealed class StreamedRebuildTests : IAsyncLifetime
{
    private const int PageSize = 7;
    private const string Failure = "The connection was lost (test)";
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

        using var commands = await DatabaseCommands.ListenAsync(_app);
        await _app.Search.RebuildAsync(CancellationToken.None);
        var pages = commands.Sql.Count(IsPageRead);

        Assert.Equal(published, IdsInIndex());
        Assert.Equal(published.Count, _app.Search.Index.DocumentCount);
        Assert.True(pages >= published.Count / PageSize, $"{pages} pages read");
        var progress = _app.Search.Progress;
        Assert.Equal((false, published.Count, published.Count, (string?)null), (progress.Running, progress.Done, progress.Total, progress.Error));
    }

    [Fact]
    public async Task A_read_that_fails_half_way_leaves_every_listing_in_the_index_and_reports_the_error()
    {
        var (published, _) = await ListingIdsAsync();
        var applied = _app.Search.Index.LastAppliedSequence;

        var pages = 0;
        using (await DatabaseCommands.ListenAsync(_app, sql =>
               {
                   if (IsPageRead(sql) && Interlocked.Increment(ref pages) == 3)
                       throw new InvalidOperationException(Failure);
               }))
            await Assert.ThrowsAnyAsync<Exception>(() => _app.Search.RebuildAsync(CancellationToken.None));

        _app.Search.Index.Refresh();
        Assert.Equal(published, IdsInIndex());
        Assert.Equal(published.Count, _app.Search.Index.DocumentCount);
        Assert.Equal(applied, _app.Search.Index.LastAppliedSequence);
        var progress = _app.Search.Progress;
        Assert.False(progress.Running);
        Assert.Equal(Failure, progress.Error);

        // The next rebuild completes.
        await _app.Search.RebuildAsync(CancellationToken.None);
        Assert.Equal(published, IdsInIndex());
        Assert.Null(_app.Search.Progress.Error);
    }

    private static bool IsPageRead(string sql) =>
        sql.Contains("FROM \"Listings\"", StringComparison.Ordinal) && sql.Contains("LIMIT", StringComparison.Ordinal);
}
