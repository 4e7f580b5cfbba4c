using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// Filters and counts facets in one pass over the documents that match the words. A document that passes every
/// filter is a hit and counts in every facet; one that fails exactly one filter counts only in that filter's facet.
/// That gives drill-sideways counts — each facet shows what its other values would give under the current query and
/// the other filters — without running one query per facet. Filters work on doc values, so no filter query is needed.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector
{
    private readonly ICollector hits;
    private readonly IReadOnlyList<FacetDimension> dimensions;
    private readonly Dictionary<string, int>[] totals;
    private SegmentDimension[] segment = [];
    private bool anyFilter;

    public DrillSidewaysCollector(ICollector hits, IReadOnlyList<FacetDimension> dimensions)
    {
        this.hits = hits;
        this.dimensions = dimensions;
        totals = dimensions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    public int TotalHits { get; private set; }

    // Doc values are read by doc id in order, which is what the default doc-values formats are fastest at.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        hits.SetNextReader(context);
        segment = dimensions.Select(d => SegmentDimension.Open(context.AtomicReader, d)).ToArray();
        anyFilter = dimensions.Any(d => d.Selected is not null);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        if (anyFilter)
        {
            for (var d = 0; d < segment.Length; d++)
            {
                if (segment[d].IsFiltered && !segment[d].Matches(doc))
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
            segment[failed].Count(doc);
            return;
        }

        TotalHits++;
        hits.Collect(doc);
        foreach (var dimension in segment)
        {
            dimension.Count(doc);
        }
    }

    /// <summary>Counts per facet name, then value; call once, after the search.</summary>
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

    private void FlushSegmentCounts()
    {
        for (var d = 0; d < segment.Length; d++)
        {
            segment[d].AddTo(totals[d]);
        }

        segment = [];
    }

    /// <summary>One dimension within one segment: its doc values, the selected value's ordinal, and ordinal counts.</summary>
    private sealed class SegmentDimension
    {
        private readonly SortedDocValues? single;
        private readonly SortedSetDocValues? multi;
        private readonly long selectedOrd;
        private readonly int[] counts;

        private SegmentDimension(SortedDocValues? single, SortedSetDocValues? multi, string? selected)
        {
            this.single = single;
            this.multi = multi;
            IsFiltered = selected is not null;
            var valueCount = single?.ValueCount ?? (int)(multi?.ValueCount ?? 0);
            counts = new int[valueCount];
            var key = selected is null ? null : new BytesRef(selected);
            selectedOrd = key is null ? -1 : single?.LookupTerm(key) ?? multi?.LookupTerm(key) ?? -1;
        }

        public bool IsFiltered { get; }

        public static SegmentDimension Open(AtomicReader reader, FacetDimension dimension) =>
            dimension.MultiValued
                ? new SegmentDimension(null, reader.GetSortedSetDocValues(dimension.Field), dimension.Selected)
                : new SegmentDimension(reader.GetSortedDocValues(dimension.Field), null, dimension.Selected);

        public bool Matches(int doc)
        {
            if (selectedOrd < 0)
            {
                return false;
            }

            if (single is not null)
            {
                return single.GetOrd(doc) == selectedOrd;
            }

            multi!.SetDocument(doc);
            for (var ord = multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = multi.NextOrd())
            {
                if (ord == selectedOrd)
                {
                    return true;
                }
            }

            return false;
        }

        public void Count(int doc)
        {
            if (single is not null)
            {
                var ord = single.GetOrd(doc);
                if (ord >= 0)
                {
                    counts[ord]++;
                }
            }
            else if (multi is not null)
            {
                multi.SetDocument(doc);
                for (var ord = multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = multi.NextOrd())
                {
                    counts[ord]++;
                }
            }
        }

        public void AddTo(Dictionary<string, int> totals)
        {
            var value = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                if (single is not null)
                {
                    single.LookupOrd(ord, value);
                }
                else
                {
                    multi!.LookupOrd(ord, value);
                }

                var key = value.Utf8ToString();
                totals[key] = totals.GetValueOrDefault(key) + counts[ord];
            }
        }
    }
}
