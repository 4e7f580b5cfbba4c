using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// The facet ordinals and publication times of one segment, read from its doc values once and kept in plain arrays
/// for the segment's life. Reading doc values per hit cost ~250 ns per document in Lucene.Net (27 ms to count facets
/// for 100,000 matches, 5 ms to sort them by date); array lookups make both a millisecond or two. Segments are
/// immutable (deletions live elsewhere), so the cache is keyed by the segment core and never goes stale.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    // Beyond this many value combinations a joint histogram would cost more to allocate and read than it saves.
    private const int MaxCombinations = 4096;

    // Per multi-valued dimension, built on first use (see MarkedDocs): one bitset over the segment per value.
    private readonly long[][]?[] valueBits;
    private readonly int maxDoc;

    private SegmentValues(DimensionOrdinals[] dimensions, long[] published, long[] listingIds, int maxDoc)
    {
        Dimensions = dimensions;
        valueBits = new long[dimensions.Length][][];
        this.maxDoc = maxDoc;
        Published = published;
        ListingIds = listingIds;
        Singles = Enumerable.Range(0, dimensions.Length).Where(d => dimensions[d].Single is not null).ToArray();
        Radixes = Singles.Select(d => dimensions[d].Labels.Length + 1).ToArray();
        Combinations = Radixes.Aggregate(1L, (product, radix) => product * radix);
        if (Combinations <= MaxCombinations)
        {
            Combined = new int[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                var code = 0;
                for (var i = Singles.Length - 1; i >= 0; i--)
                {
                    code = (code * Radixes[i]) + dimensions[Singles[i]].Single![doc] + 1;
                }

                Combined[doc] = code;
            }
        }
    }

    /// <summary>In <see cref="FacetDimension.All"/> order.</summary>
    public DimensionOrdinals[] Dimensions { get; }

    /// <summary>Publication time (UTC ticks) per document.</summary>
    public long[] Published { get; }

    /// <summary>The listing id per document: what breaks ties, so their order does not depend on how the index was built.</summary>
    public long[] ListingIds { get; }

    /// <summary>The single-valued dimensions, whose ordinals are also packed into <see cref="Combined"/>.</summary>
    public int[] Singles { get; }

    /// <summary>Per single-valued dimension: its number of values plus one (for "no value").</summary>
    public int[] Radixes { get; }

    public long Combinations { get; }

    /// <summary>
    /// Per document, all single-valued ordinals as one mixed-radix number: an unfiltered search counts the four small
    /// dimensions with one array read and one increment per hit, and unpacks the histogram once per segment.
    /// </summary>
    public int[]? Combined { get; }

    /// <summary>For a multi-valued dimension: per ordinal, the segment's documents that have that value, one bit each.</summary>
    public long[][] ValueBits(int dimension)
    {
        if (Volatile.Read(ref valueBits[dimension]) is { } built)
        {
            return built;
        }

        var (starts, ords) = (Dimensions[dimension].Starts!, Dimensions[dimension].Ords!);
        var bits = new long[Dimensions[dimension].Labels.Length][];
        for (var ord = 0; ord < bits.Length; ord++)
        {
            bits[ord] = new long[(maxDoc + 63) >> 6];
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                bits[ords[i]][doc >> 6] |= 1L << doc;
            }
        }

        // Two searches may build it at once; either result is the same, and the first one stored is kept.
        return Interlocked.CompareExchange(ref valueBits[dimension], bits, null) ?? bits;
    }

    public static SegmentValues For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(
            FacetDimension.All.Select(d => Load(reader, d)).ToArray(), LoadNumbers(reader, FieldNames.Published),
            LoadNumbers(reader, FieldNames.IdOrder), reader.MaxDoc));

    private static long[] LoadNumbers(AtomicReader reader, string field)
    {
        var numbers = new long[reader.MaxDoc];
        var values = reader.GetNumericDocValues(field);
        for (var doc = 0; values is not null && doc < numbers.Length; doc++)
        {
            numbers[doc] = values.Get(doc);
        }

        return numbers;
    }

    private static DimensionOrdinals Load(AtomicReader reader, (string Name, string Field, bool MultiValued) dimension)
    {
        var maxDoc = reader.MaxDoc;
        var value = new BytesRef();
        if (!dimension.MultiValued)
        {
            var single = reader.GetSortedDocValues(dimension.Field);
            var ords = new int[maxDoc];
            Array.Fill(ords, -1);
            if (single is null)
            {
                return new DimensionOrdinals([], ords, null, null);
            }

            for (var doc = 0; doc < maxDoc; doc++)
            {
                ords[doc] = single.GetOrd(doc);
            }

            return new DimensionOrdinals(Labels(single.ValueCount, o => single.LookupOrd(o, value), value), ords, null, null);
        }

        var multi = reader.GetSortedSetDocValues(dimension.Field);
        var starts = new int[maxDoc + 1];
        if (multi is null)
        {
            return new DimensionOrdinals([], null, starts, []);
        }

        var all = new List<int>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = all.Count;
            multi.SetDocument(doc);
            for (var ord = multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = multi.NextOrd())
            {
                all.Add((int)ord);
            }
        }

        starts[maxDoc] = all.Count;
        return new DimensionOrdinals(Labels((int)multi.ValueCount, o => multi.LookupOrd(o, value), value), null, starts, [.. all]);
    }

    private static string[] Labels(int count, Action<int> lookup, BytesRef value)
    {
        var labels = new string[count];
        for (var ord = 0; ord < count; ord++)
        {
            lookup(ord);
            labels[ord] = value.Utf8ToString();
        }

        return labels;
    }
}

/// <summary>
/// One dimension in one segment: labels by ordinal, and either one ordinal per document (-1 when none) or, for
/// multi-valued dimensions, each document's ordinals at Ords[Starts[doc]..Starts[doc + 1]].
/// </summary>
internal sealed record DimensionOrdinals(string[] Labels, int[]? Single, int[]? Starts, int[]? Ords);
