using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Search;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Features.Search;

/// <summary>Where a rebuild stands, for the admin page and /health.</summary>
public sealed record RebuildProgress(bool Running, int Done, int Total, DateTimeOffset? FinishedAt, string? Error);

/// <summary>
/// Owns the one <see cref="SolutionIndex"/> of this web instance and keeps it in step with the database:
/// opens it at start-up (rebuilding when it is missing, damaged or disagrees with the database), applies the
/// change log in order, and rebuilds on request. One gate serialises catching up and rebuilding.
/// </summary>
public sealed class SearchIndexHost(string folder, IServiceScopeFactory scopes, IClock clock, ILogger<SearchIndexHost> logger) : IDisposable
{
    private const int CatchUpBatch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SolutionIndex? _index;
    private volatile RebuildProgress _progress = new(false, 0, 0, null, null);

    public SolutionIndex Index => _index ?? throw new InvalidOperationException("The search index is not open yet");

    public RebuildProgress Progress => _progress;

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            _index = SolutionIndex.Open(folder);
        }
        catch (IndexDamagedException damaged)
        {
            logger.LogWarning(damaged, "Search index damaged; rebuilding it from the database");
            Directory.Delete(folder, recursive: true);
            _index = SolutionIndex.Open(folder);
            await RebuildAsync(ct);
            return;
        }

        var (latest, published) = await WithDbAsync(async db => (
            await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
            await db.Listings.CountAsync(l => l.Visibility == Visibility.Published, ct)), ct);
        // An index ahead of the database, or one that is up to date yet holds a different number of listings,
        // belongs to another database (for instance after the database file was replaced): rebuild it.
        if (_index.LastAppliedSequence > latest || (_index.LastAppliedSequence == latest && _index.DocumentCount != published))
            await RebuildAsync(ct);
        else
            await CatchUpAsync(ct);
    }

    /// <summary>Applies change-log entries after the index's last applied sequence; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var applied = 0;
            while (true)
            {
                var after = Index.LastAppliedSequence;
                var batch = await WithDbAsync(db => db.ChangeLog.AsNoTracking().Where(c => c.Sequence > after)
                    .OrderBy(c => c.Sequence).Take(CatchUpBatch).ToListAsync(ct), ct);
                if (batch.Count == 0)
                    return applied;
                await ApplyAsync(batch, ct);
                Index.Commit(batch[^1].Sequence);
                Index.Refresh();
                applied += batch.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the index with every published listing; progress is visible in <see cref="Progress"/>.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var (sequence, documents) = await WithDbAsync(async db => (
                await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
                await SearchDocuments.LoadPublishedAsync(db, null, Today, ct)), ct);
            _progress = new RebuildProgress(true, 0, documents.Count, null, null);
            var progress = new Progress<int>(done => _progress = _progress with { Done = done });
            await Task.Run(() => Index.Rebuild(documents, sequence, progress), ct);
            Index.Refresh();
            _progress = new RebuildProgress(false, documents.Count, documents.Count, clock.Now, null);
            logger.LogInformation("Search index rebuilt: {Count} listings at change {Sequence}", documents.Count, sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _progress = _progress with { Running = false, Error = e.Message };
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many change-log entries the index has not applied yet.</summary>
    public Task<long> LagAsync(CancellationToken ct)
    {
        var applied = Index.LastAppliedSequence;
        return WithDbAsync(db => db.ChangeLog.LongCountAsync(c => c.Sequence > applied, ct), ct);
    }

    public void Dispose()
    {
        _index?.Dispose();
        _gate.Dispose();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.Now.UtcDateTime);

    private async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken ct)
    {
        var listingIds = batch.Where(c => c.EntityType == ChangeLogEntry.ListingEntity).Select(c => c.EntityId).ToHashSet();
        var vendorIds = batch.Where(c => c.EntityType == ChangeLogEntry.VendorEntity).Select(c => c.EntityId).ToList();
        await WithDbAsync(async db =>
        {
            if (vendorIds.Count > 0)
                listingIds.UnionWith(await db.Listings.Where(l => vendorIds.Contains(l.VendorId)).Select(l => l.Id).ToListAsync(ct));
            var published = await SearchDocuments.LoadPublishedAsync(db, listingIds, Today, ct);
            foreach (var document in published)
                Index.Upsert(document);
            foreach (var hidden in listingIds.Except(published.Select(d => d.Id)))
                Index.Delete(hidden);
            return 0;
        }, ct);
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
