using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>
/// A search's postings enumerators are lent from a pool kept with the segment and reused by the next search: what a
/// later search reads must be its own words, with its own reader's deletions, never the previous search's.
/// </summary>
public sealed class SegmentEnumeratorsTests : WhitespaceIndex
{
    public SegmentEnumeratorsTests()
    {
        Add("1", "water quality water");
        Add("2", "air quality");
        Add("3", "water report");
        Writer.Commit();
    }

    [Fact]
    public void The_next_search_on_the_segment_reuses_the_enumerators_and_reads_its_own_words()
    {
        using var reader = DirectoryReader.Open(Directory);
        var leaf = reader.Leaves.Single();
        var first = SegmentEnumerators.Rent(leaf.AtomicReader);
        first.Return();

        using (var search = new IndexVocabulary(reader))
        {
            Assert.Equal([(0, 2), (2, 1)], Postings(search.Docs(leaf, new Term("text", "water"))));
        }

        var reused = SegmentEnumerators.Rent(leaf.AtomicReader);
        Assert.Same(first, reused);
        reused.Return();

        using (var search = new IndexVocabulary(reader))
        {
            Assert.Equal([(0, 1), (1, 1)], Postings(search.Docs(leaf, new Term("text", "quality"))));
            var positions = search.Positions(leaf, new Term("text", "water"), slot: 0)!;
            Assert.Equal(0, positions.NextDoc());
            Assert.Equal([0, 2], new[] { positions.NextPosition(), positions.NextPosition() });
        }
    }

    [Fact]
    public void A_later_reader_of_the_same_segment_skips_its_own_deleted_documents()
    {
        using (var before = DirectoryReader.Open(Directory))
        using (var search = new IndexVocabulary(before))
        {
            var leaf = before.Leaves.Single();
            Assert.Equal([0, 2], Postings(search.Docs(leaf, new Term("text", "water"), leaf.AtomicReader.LiveDocs)).Select(p => p.Doc));
        }

        Writer.DeleteDocuments(new Term("id", "1"));
        Writer.Commit();
        using var after = DirectoryReader.Open(Directory);
        using var later = new IndexVocabulary(after);
        var segment = after.Leaves.Single();

        Assert.Equal([2], Postings(later.Docs(segment, new Term("text", "water"), segment.AtomicReader.LiveDocs)).Select(p => p.Doc));
    }

    private static List<(int Doc, int Freq)> Postings(DocsEnum? docs)
    {
        var found = new List<(int Doc, int Freq)>();
        for (var doc = docs!.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            found.Add((doc, docs.Freq));
        }

        return found;
    }
}
