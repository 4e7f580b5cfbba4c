using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>
/// Multi-valued facet counts from marked documents: counted document by document when few are marked, by intersecting
/// per-value bitsets when many are. Both must give the counts a plain loop over the marked documents gives.
/// </summary>
public sealed class MarkedDocsTests
{
    private const int MaxDoc = 4_000;
    private const int Values = 20;

    [Theory]
    [InlineData(1, false)]
    [InlineData(40, false)]
    [InlineData(500, true)]
    [InlineData(MaxDoc, true)]
    public void Counts_per_value_equal_a_plain_count_of_the_marked_documents(int marks, bool perValueBitsets)
    {
        var random = new Random(marks);
        var starts = new int[MaxDoc + 1];
        var ords = new List<int>();
        var bits = Enumerable.Range(0, Values).Select(_ => new long[(MaxDoc + 63) >> 6]).ToArray();
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            starts[doc] = ords.Count;
            foreach (var ord in Enumerable.Range(0, Values).Where(_ => random.Next(6) == 0))
            {
                ords.Add(ord);
                bits[ord][doc >> 6] |= 1L << doc;
            }
        }

        starts[MaxDoc] = ords.Count;
        var dimension = new DimensionOrdinals([.. Enumerable.Range(0, Values).Select(v => $"v{v}")], null, starts, [.. ords]);
        var docs = Enumerable.Range(0, MaxDoc).OrderBy(_ => random.Next()).Take(marks).Order().ToList();
        var expected = new int[Values];
        foreach (var doc in docs)
        {
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                expected[ords[i]]++;
            }
        }

        var counts = new int[Values];
        var bitsetsAsked = false;
        using (var marked = new MarkedDocs(MaxDoc))
        {
            docs.ForEach(marked.Mark);
            marked.CountInto(counts, dimension, () =>
            {
                bitsetsAsked = true;
                return bits;
            });
        }

        Assert.Equal(expected, counts);
        Assert.Equal(perValueBitsets, bitsetsAsked);
    }
}
