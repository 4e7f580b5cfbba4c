using System.Buffers;
using System.Numerics;

namespace Marketplace.Search.Querying;

/// <summary>
/// The documents of one segment that count in one multi-valued facet (categories, provinces), one bit each, counted
/// per value once the segment is done. Counting each hit as it comes costs a few dependent array reads per value of
/// the hit — about a third of a broad search's first pass at 100,000 listings. With many hits it is cheaper to
/// intersect the marks with each value's own bitset (<see cref="SegmentValues.ValueBits"/>) and count bits: a fixed
/// cost of one AND and one POPCNT per 64 documents per value, whatever the number of hits.
/// </summary>
internal sealed class MarkedDocs : IDisposable
{
    private readonly long[] bits;
    private readonly int words;

    public MarkedDocs(int maxDoc)
    {
        words = (maxDoc + 63) >> 6;
        bits = ArrayPool<long>.Shared.Rent(Math.Max(words, 1));
        Array.Clear(bits, 0, words);
    }

    private int Marked { get; set; }

    /// <summary>Marks a document; the collector marks each document at most once per dimension.</summary>
    public void Mark(int doc)
    {
        bits[doc >> 6] |= 1L << doc;
        Marked++;
    }

    /// <summary>Adds the marked documents' values to <paramref name="counts"/> (indexed by ordinal).</summary>
    public void CountInto(int[] counts, DimensionOrdinals dimension, Func<long[][]> valueBits)
    {
        // Per hit: the bounds and each value, a few reads that depend on each other; per value: one pass over the words.
        if ((long)Marked * 16 < (long)counts.Length * words)
        {
            CountEachDocument(counts, dimension.Starts!, dimension.Ords!);
            return;
        }

        var byValue = valueBits();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            var value = byValue[ord];
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                count += BitOperations.PopCount((ulong)(bits[w] & value[w]));
            }

            counts[ord] += count;
        }
    }

    public void Dispose() => ArrayPool<long>.Shared.Return(bits);

    private void CountEachDocument(int[] counts, int[] starts, int[] ords)
    {
        for (var w = 0; w < words; w++)
        {
            for (var word = (ulong)bits[w]; word != 0; word &= word - 1)
            {
                var doc = (w << 6) + BitOperations.TrailingZeroCount(word);
                for (int i = starts[doc], end = starts[doc + 1]; i < end; i++)
                {
                    counts[ords[i]]++;
                }
            }
        }
    }
}
