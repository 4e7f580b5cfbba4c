using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Marketplace.Search.Querying;

namespace Marketplace.Search;

/// <summary>Opening checks, background refresh and the shutdown order.</summary>
public sealed partial class SolutionIndex
{
    /// <summary>Stops the refresh, commits what is pending, then disposes searchers, writer and directory in that order.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        StopRefresh();
        try
        {
            lock (commitGate)
            {
                CommitLocked(LastAppliedSequence);
            }
        }
        finally
        {
            searchers.Dispose();
            writer.Dispose();
            directory.Dispose();
        }
    }

    /// <summary>
    /// Opening failures that mean the files cannot be read back (corrupt, truncated, missing, or garbage that trips
    /// the decoders), as opposed to a lock held by another process or a permission problem, which a rebuild would
    /// not fix. CorruptIndexException and its format exceptions are IOExceptions.
    /// </summary>
    private static bool IsDamage(Exception e) =>
        e is not (LockObtainFailedException or UnauthorizedAccessException)
        && e is IOException or ArgumentException or InvalidOperationException or IndexOutOfRangeException;

    /// <summary>Reads every file's checksum; throws when the files on disk are damaged. Used to tell damage from a bug after a read fails.</summary>
    public void CheckIntegrity()
    {
        ThrowIfDisposed();
        VerifyChecksums();
    }

    /// <summary>Reads every file's checksum now, so damage found at start-up leads to a rebuild instead of failing queries later.</summary>
    private void VerifyChecksums()
    {
        var searcher = searchers.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void RefreshInBackground()
    {
        try
        {
            // Opening a reader flushes every indexing thread's buffer into a new segment. A rebuild holds the commit
            // gate from start to end, and refreshing every half second during one cut it into hundreds of small
            // segments for merges to join again: a third of its CPU time. The rebuild refreshes when it ends, and a
            // commit holds the gate only briefly, so a tick that finds the gate held just waits for the next one.
            if (commitGate.TryEnter())
            {
                commitGate.Exit();
                searchers.MaybeRefresh();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer callback that throws takes the process down; report instead and try again next tick.
            if (options.OnBackgroundError is { } report)
            {
                report(e);
            }
            else
            {
                Trace.TraceError("Search index refresh failed: {0}", e);
            }
        }
        finally
        {
            lock (timerGate)
            {
                if (!refreshStopped)
                {
                    refreshTimer.Change(options.RefreshInterval, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void StopRefresh()
    {
        lock (timerGate)
        {
            refreshStopped = true;
        }

        using var stopped = new ManualResetEvent(false);
        if (refreshTimer.Dispose(stopped))
        {
            stopped.WaitOne();
        }
    }

    /// <summary>
    /// Every searcher the manager opens uses BM25 (as the writer does: norms are encoded for it) and has its
    /// segments' facet ordinals loaded before the first query sees it, on the refresh thread instead of a request.
    /// </summary>
    private sealed class WarmingSearcherFactory : SearcherFactory
    {
        public static readonly Similarity Similarity = new BM25Similarity();

        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                SegmentValues.For(leaf.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = Similarity };
        }
    }
}
