using System.Runtime.CompilerServices;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
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
/// opens it at start-up (rebuilding when it is missing, empty, damaged or disagrees with the database), applies
/// the change log in order, compares its size with the database now and then, and rebuilds on request.
/// Searches go through <see cref="Read{T}"/>, so a read error marks the index damaged, answers
/// <see cref="SearchUnavailableException"/> (a 503 page) and starts a repair instead of failing every search.
/// One gate serialises catching up, verifying and rebuilding.
/// </summary>
public sealed class SearchIndexHost(string folder, IServiceScopeFactory scopes, IClock clock, ILogger<SearchIndexHost> logger,
    PublicChanges? changes = null) : IDisposable
{
    private const int CatchUpBatch = 500;

    /// <summary>How far below the last applied sequence late commits are looked for (docs/decisions/index-feed-gaps.md).</summary>
    public const long TrailingWindow = 1000;
    private static readonly TimeSpan IntegrityCheckEvery = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _progressGate = new();
    private volatile SolutionIndex? _index;
    private volatile RebuildProgress _progress = new(false, 0, 0, null, null);
    private volatile string? _damage;
    private int _repairing;
    private long _lastIntegrityCheck;

    // Sequences applied inside the trailing window, so a re-read applies only the ones that committed late.
    private readonly SortedSet<long> _recent = [];

    public SolutionIndex Index => _index ?? throw new InvalidOperationException("The search index is not open yet");

    public RebuildProgress Progress => _progress;

    /// <summary>Why searches are refused until the repair finishes; null while the index is readable.</summary>
    public string? Damage => _damage;

    /// <summary>When this instance opened its index; rebuild requests older than that are covered by the start-up check.</summary>
    public DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.MaxValue;

    public async Task StartAsync(CancellationToken ct)
    {
        StartedAt = clock.Now;
        try
        {
            _index = SolutionIndex.Open(folder);
        }
        catch (IndexDamagedException damaged)
        {
            logger.LogWarning(damaged, "Search index damaged; rebuilding it from the database");
            await ReplaceAsync(ct);
            return;
        }

        var (latest, published) = await WithDbAsync(async db => (
            await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
            await SearchDocuments.CountPublishedAsync(db, ct)), ct);
        // A missing folder opens as a new, empty index: replaying the log would only bring back the listings changed
        // lately, so a new or empty index is rebuilt. One ahead of the database belongs to another database.
        // One written with an older card layout cannot serve result cards.
        if (Index.LastAppliedSequence == 0 || Index.LastAppliedSequence > latest || (Index.DocumentCount == 0 && published > 0)
            || !Index.HasCurrentFormat)
        {
            logger.LogWarning("Search index is new, empty or ahead of the database ({Documents} documents, change {Applied} of {Latest}); rebuilding",
                Index.DocumentCount, Index.LastAppliedSequence, latest);
            await RebuildAsync(ct);
            return;
        }
        await CatchUpAsync(ct);
        await VerifyAsync(ct);
    }

    /// <summary>Runs a read against the index; a read error that proves to be damage becomes a 503 and starts a repair.</summary>
    public T Read<T>(Func<SolutionIndex, T> read)
    {
        var index = _index;
        if (_damage is not null || index is null)
            throw new SearchUnavailableException();
        try
        {
            return read(index);
        }
        catch (Exception e) when (e is not OperationCanceledException && IsDamaged(index, e))
        {
            ReportDamage(e);
            throw new SearchUnavailableException(e);
        }
    }

    /// <summary>Applies change-log entries after the index's last applied sequence; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var applied = 0;
            while (_damage is null)
            {
                var after = Index.LastAppliedSequence;
                var from = Math.Max(0, after - TrailingWindow);
                _recent.RemoveWhere(s => s <= from);
                // A sequence is taken when a row is inserted but seen only when its transaction commits, so on a database
                // with concurrent writers (PostgreSQL) 41 can appear after 42 was applied: look again below the mark.
                var late = await WithDbAsync(async db =>
                {
                    var seen = await db.ChangeLog.Where(c => c.Sequence > from && c.Sequence <= after).Select(c => c.Sequence).ToListAsync(ct);
                    var missed = seen.Where(s => !_recent.Contains(s)).ToList();
                    return missed.Count == 0 ? [] : await db.ChangeLog.AsNoTracking().Where(c => missed.Contains(c.Sequence)).ToListAsync(ct);
                }, ct);
                var batch = await WithDbAsync(db => db.ChangeLog.AsNoTracking().Where(c => c.Sequence > after)
                    .OrderBy(c => c.Sequence).Take(CatchUpBatch).ToListAsync(ct), ct);
                if (batch.Count == 0 && late.Count == 0)
                    return applied;
                if (await FellBehindAsync(after, batch, ct))
                {
                    logger.LogWarning("The change log after change {Applied} was pruned before this index applied it; rebuilding", after);
                    await RebuildLockedAsync(ct);
                    return applied;
                }
                var entries = late.Concat(batch).ToList();
                await ApplyAsync(entries, ct);
                Index.Commit(batch.Count > 0 ? batch[^1].Sequence : after);
                Index.Refresh();
                // After the refresh: a page rendered once the versions moved is rendered from the new snapshot.
                changes?.Raise(PublicChanges.Of(entries));
                _recent.UnionWith(entries.Select(e => e.Sequence));
                applied += entries.Count;
            }
            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Compares the index's documents with the published listings while no change is in flight, and rebuilds on a
    /// mismatch (or repairs a damaged index). Returns whether it rebuilt.
    /// </summary>
    public async Task<bool> VerifyAsync(CancellationToken ct)
    {
        if (_damage is not null)
        {
            await RepairAsync(ct);
            return true;
        }
        int documents, published;
        await _gate.WaitAsync(ct);
        try
        {
            var applied = Index.LastAppliedSequence;
            // The count is comparable only when the log did not move while it was read and the index has applied all of it.
            var (before, count, after) = await WithDbAsync(async db => (
                await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
                await SearchDocuments.CountPublishedAsync(db, ct),
                await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0), ct);
            if (before != after || before != applied)
                return false;
            Index.Refresh();
            (documents, published) = (Index.DocumentCount, count);
        }
        finally
        {
            _gate.Release();
        }
        if (documents == published)
            return false;
        logger.LogWarning("Search index holds {Documents} listings but {Published} are published; rebuilding", documents, published);
        await RebuildAsync(ct);
        return true;
    }

    /// <summary>Replaces the index with every published listing; progress is visible in <see cref="Progress"/>.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await RebuildLockedAsync(ct);
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

    /// <summary>The published listings the index should hold.</summary>
    public Task<int> PublishedCountAsync(CancellationToken ct) => WithDbAsync(db => SearchDocuments.CountPublishedAsync(db, ct), ct);

    public void Dispose()
    {
        _index?.Dispose();
        _gate.Dispose();
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.Now.UtcDateTime);

    /// <summary>How many listings a rebuild reads at a time; small in tests, to cross several pages.</summary>
    internal int RebuildPageSize { get; set; } = 1000;

    private async Task RebuildLockedAsync(CancellationToken ct)
    {
        try
        {
            // The sequence before the listings: whatever changes after it is in the log the updater applies next.
            var (sequence, total) = await WithDbAsync(async db => (
                await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0,
                await SearchDocuments.CountPublishedAsync(db, ct)), ct);
            SetProgress(new RebuildProgress(true, 0, total, null, null));
            // Reported on the rebuilding threads, before Rebuild returns: a Progress<T> would post the reports to the
            // thread pool, and a late one could mark a finished rebuild as running again.
            var progress = new InlineProgress(done => UpdateRunning(p => p with { Done = done }));
            var read = new StrongBox<int>();
            await Task.Run(() => Index.Rebuild(PublishedListings(read, ct), sequence, progress), ct);
            Index.Refresh();
            changes?.Raise(ChangedPages.Catalogue);
            SetProgress(new RebuildProgress(false, read.Value, read.Value, clock.Now, null));
            logger.LogInformation("Search index rebuilt: {Count} listings at change {Sequence}", read.Value, sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SetProgress(_progress with { Running = false, Error = e.Message });
            throw;
        }
    }

    /// <summary>
    /// Every published listing, read a page at a time in id order while the page before is being indexed, so a rebuild
    /// holds two pages of documents, not the catalogue. A failed read throws out of the rebuild before it deletes
    /// anything, and the index keeps the listings it had.
    /// </summary>
    private IEnumerable<SolutionDocument> PublishedListings(StrongBox<int> read, CancellationToken ct)
    {
        var size = RebuildPageSize;
        var today = Today;
        Task<List<SolutionDocument>> ReadAfter(int id) =>
            Task.Run(() => WithDbAsync(db => SearchDocuments.LoadPublishedPageAsync(db, id, size, today, ct), ct), ct);

        var next = ReadAfter(0);
        while (true)
        {
            var page = next.GetAwaiter().GetResult();
            if (page.Count == 0)
                yield break;
            read.Value += page.Count;
            next = page.Count < size ? Task.FromResult(new List<SolutionDocument>()) : ReadAfter(page[^1].Id);
            foreach (var document in page)
                yield return document;
        }
    }

    /// <summary>
    /// Whether entries this index has not applied were pruned (<see cref="ChangeLogRetention"/>): the next entry is not the
    /// one after the last applied and no entry at or below the mark is left. A gap alone is normal (a rolled-back
    /// transaction leaves one on PostgreSQL); with the older entries all gone it is taken as pruning, and a needless
    /// rebuild is the worst outcome. An index at 0 (built from an empty log) is left to the late-commit window: it is
    /// rebuilt at every start-up anyway, and a running instance applies the log within a second, far inside retention.
    /// </summary>
    private async Task<bool> FellBehindAsync(long after, List<ChangeLogEntry> batch, CancellationToken ct) =>
        after > 0 && batch.Count > 0 && batch[0].Sequence > after + 1
        && !await WithDbAsync(db => db.ChangeLog.AnyAsync(c => c.Sequence <= after, ct), ct);

    /// <summary>Throws the damaged index away and builds a new one from the database, keeping the dictionary it used.</summary>
    private async Task ReplaceAsync(CancellationToken ct)
    {
        var old = _index;
        _index = null;
        var dictionary = old?.Dictionary;
        try
        {
            old?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Closing commits, which a damaged index may refuse; the folder is deleted next anyway.
            logger.LogWarning(e, "Closing the damaged search index failed");
        }
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var index = SolutionIndex.Open(folder);
        if (dictionary is not null)
            index.Dictionary = dictionary;
        _index = index;
        await RebuildLockedAsync(ct);
        _damage = null;
    }

    private async Task RepairAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _repairing, 1) == 1)
            return;
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                await ReplaceAsync(ct);
                logger.LogInformation("Search index repaired");
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            Volatile.Write(ref _repairing, 0);
        }
    }

    private void ReportDamage(Exception e)
    {
        if (_damage is null)
            logger.LogError(e, "Search index damaged; searches answer 503 until it is rebuilt from the database");
        _damage = e.Message;
        _ = Task.Run(async () =>
        {
            try
            {
                await RepairAsync(CancellationToken.None);
            }
            catch (Exception failed)
            {
                // The periodic verification tries again.
                logger.LogError(failed, "Repairing the search index failed");
            }
        });
    }

    /// <summary>
    /// A read that failed on an index whose files no longer pass their checksums (or that was closed under it) is
    /// damage; anything else is a bug that should surface as such. Checks run at most every few seconds, so a
    /// query that trips a bug cannot keep the disk busy.
    /// </summary>
    private bool IsDamaged(SolutionIndex index, Exception e)
    {
        if (e is ObjectDisposedException || e.GetType().Name == "AlreadyClosedException")
            return true;
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastIntegrityCheck);
        if (last != 0 && now - last < IntegrityCheckEvery.TotalMilliseconds || Interlocked.CompareExchange(ref _lastIntegrityCheck, now, last) != last)
            return _damage is not null;
        try
        {
            index.CheckIntegrity();
            return false;
        }
        catch (Exception check) when (check is not OutOfMemoryException)
        {
            logger.LogError(check, "Search index failed its integrity check after a read error");
            return true;
        }
    }

    private void SetProgress(RebuildProgress progress)
    {
        lock (_progressGate)
            _progress = progress;
    }

    private void UpdateRunning(Func<RebuildProgress, RebuildProgress> change)
    {
        lock (_progressGate)
            if (_progress.Running)
                _progress = change(_progress);
    }

    private async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken ct)
    {
        var listingIds = batch.Where(c => c.EntityType == ChangeLogEntry.ListingEntity).Select(c => c.EntityId).ToHashSet();
        var vendorIds = batch.Where(c => c.EntityType == ChangeLogEntry.VendorEntity).Select(c => c.EntityId).ToList();
        if (listingIds.Count == 0 && vendorIds.Count == 0)
            return;
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

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>The search index is being repaired: searches answer 503 with a page that says so.</summary>
public sealed class SearchUnavailableException(Exception? cause = null)
    : Exception(Texts.Get("Features.Search.SearchIndexHost.SearchIsBeingRepaired"), cause);
