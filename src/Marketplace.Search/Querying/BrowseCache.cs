using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Marketplace.Search.Querying;

/// <summary>
/// Browse pages (no words, only filters and an order) answered once per index snapshot. Without words every page of
/// every filter is a fixed function of the snapshot, yet computing one counts facets over the whole catalogue and
/// sorts it — 10–20 ms at 100,000 listings — for the catalogue's most visited page. A refresh that sees any change
/// opens a new reader, so a cached page lives exactly as long as the snapshot it was computed from and can never be
/// stale; the table holds readers weakly, so it is dropped with them.
/// </summary>
internal static class BrowseCache
{
    // Filter combinations × orders × pages kept per snapshot; beyond this, pages are computed and not kept.
    private const int MaxPagesPerSnapshot = 512;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<SearchRequest, SearchResult>> Snapshots = new();

    public static SearchResult GetOrCompute(IndexReader snapshot, SearchRequest request, Func<SearchResult> compute)
    {
        var pages = Snapshots.GetValue(snapshot, _ => new ConcurrentDictionary<SearchRequest, SearchResult>());

        // The words were none (blank, or stop words only) and the language only colours highlights, which a browse page has none of.
        var key = request with { Query = null, PreferEnglish = false };
        if (pages.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = compute();
        if (pages.Count < MaxPagesPerSnapshot)
        {
            pages.TryAdd(key, result);
        }

        return result;
    }
}
