using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Search.Querying;

/// <summary>
/// Filters and counts facets in one pass over the documents that match the words. A document that passes every
/// filter is a hit and counts in every facet; one that fails exactly one filter counts only in that filter's facet.
/// That gives drill-sideways counts — each facet shows what its other values would give under the current query and
/// the other filters — without running one query per facet. Filters and counts use the segment's cached doc-values
/// ordinals (<see cref="SegmentValues"/>), so no filter query is needed. Multi-valued dimensions only mark the
/// documents that count in them and count the marks per value when the segment ends (<see cref="MarkedDocs"/>).
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector
{
    private readonly ICollector hits;
    private readonly IReadOnlyList<FacetDimension> dimensions;
    private readonly Dictionary<string, int>[] totals;

    // The current segment, unpacked into plain arrays: this loop runs once per matching document.
    private SegmentValues? facets;
    private DimensionOrdinals[] segment = [];
    private int[][] counts = [];
    private int[] combinedCounts = [];
    private int[] multiValued = [];
    private int[]?[] singles = [];
    private MarkedDocs?[] marked = [];
    private int[] selected = [];
    private long[]?[] selectedBits = [];
    private bool anyFilter;

    public DrillSidewaysCollector(ICollector hits, IReadOnlyList<FacetDimension> dimensions)
    {
        this.hits = hits;
        this.dimensions = dimensions;
        totals = dimensions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    public int TotalHits { get; private set; }

    // Counting into arrays does not care about order, and out-of-order boolean scoring is faster.
    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        hits.SetNextReader(context);
        facets = SegmentValues.For(context.AtomicReader);
        segment = facets.Dimensions;
        counts = segment.Select(d => new int[d.Labels.Length]).ToArray();
        multiValued = Enumerable.Range(0, segment.Length).Where(d => segment[d].Single is null).ToArray();
        singles = segment.Select(d => d.Single).ToArray();
        var maxDoc = context.AtomicReader.MaxDoc;
        marked = segment.Select(d => d.Single is null ? new MarkedDocs(maxDoc) : null).ToArray();

        // -1: no filter on this dimension; -2: the selected value does not occur in this segment.
        selected = dimensions.Select((d, i) => d.Selected is null ? -1 : Array.IndexOf(segment[i].Labels, d.Selected) is var o and >= 0 ? o : -2).ToArray();
        anyFilter = selected.Any(s => s != -1);

        // A filter on a multi-valued dimension tests one bit of its value's bitset, not each document's list of values.
        selectedBits = selected.Select((ord, d) => ord >= 0 && segment[d].Single is null ? facets.ValueBits(d)[ord] : null).ToArray();
        combinedCounts = !anyFilter && facets.Combined is not null ? new int[facets.Combinations] : [];
    }

    public void Collect(int doc)
    {
        var failed = -1;
        if (anyFilter)
        {
            for (var d = 0; d < selected.Length; d++)
            {
                if (selected[d] != -1 && !Matches(d, doc, selected[d]))
                {
                    if (failed >= 0)
                    {
                        return;
                    }

                    failed = d;
                }
            }
        }

        if (failed >= 0)
        {
            Count(failed, doc);
            return;
        }

        TotalHits++;
        hits.Collect(doc);
        if (combinedCounts.Length > 0)
        {
            combinedCounts[facets!.Combined![doc]]++;
            foreach (var d in multiValued)
            {
                marked[d]!.Mark(doc);
            }

            return;
        }

        for (var d = 0; d < counts.Length; d++)
        {
            Count(d, doc);
        }
    }

    /// <summary>Counts per facet name, then value, largest first; call once, after the search.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets()
    {
        FlushSegmentCounts();
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Count; d++)
        {
            facets[dimensions[d].Name] = totals[d]
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        }

        return facets;
    }

    private bool Matches(int dimension, int doc, int ord)
    {
        if (singles[dimension] is { } single)
        {
            return single[doc] == ord;
        }

        // Multi-valued: the selected value's bitset; there is none when the value does not occur in this segment.
        return selectedBits[dimension] is { } bits && (bits[doc >> 6] & (1L << doc)) != 0;
    }

    private void Count(int dimension, int doc)
    {
        if (singles[dimension] is { } single)
        {
            var ord = single[doc];
            if (ord >= 0)
            {
                counts[dimension][ord]++;
            }

            return;
        }

        marked[dimension]!.Mark(doc);
    }

    private void FlushSegmentCounts()
    {
        UnpackCombinedCounts();
        for (var d = 0; d < marked.Length; d++)
        {
            if (marked[d] is { } docs)
            {
                var dimension = d;
                docs.CountInto(counts[d], segment[d], () => facets!.ValueBits(dimension));
                docs.Dispose();
            }
        }

        marked = [];
        for (var d = 0; d < counts.Length; d++)
        {
            totals[d].EnsureCapacity(counts[d].Length);
            for (var ord = 0; ord < counts[d].Length; ord++)
            {
                if (counts[d][ord] > 0)
                {
                    var label = segment[d].Labels[ord];
                    totals[d][label] = totals[d].GetValueOrDefault(label) + counts[d][ord];
                }
            }
        }

        counts = [];
    }

    private void UnpackCombinedCounts()
    {
        for (var code = 0; code < combinedCounts.Length; code++)
        {
            var count = combinedCounts[code];
            if (count == 0)
            {
                continue;
            }

            var rest = code;
            for (var i = 0; i < facets!.Singles.Length; i++)
            {
                var ord = (rest % facets.Radixes[i]) - 1;
                rest /= facets.Radixes[i];
                if (ord >= 0)
                {
                    counts[facets.Singles[i]][ord] += count;
                }
            }
        }

        combinedCounts = [];
    }
}
