using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>
/// A search's term lookups come from each segment's kept term states after the first search that asked: the counts
/// and the documents they lead to must be the index's own, in every segment, for words a segment lacks too, and
/// after a deletion and a new segment.
/// </summary>
public sealed class SegmentTermStatesTests : WhitespaceIndex
{
    public SegmentTermStatesTests()
    {
        Add("1", "water quality sensor");
        Add("2", "water supply");
        Writer.Commit();
        Add("3", "air quality");
        Add("4", "quality quality report");
        Writer.Commit();
    }

    [Fact]
    public void Counts_and_documents_are_the_indexs_own_in_each_segment_on_the_first_and_later_searches()
    {
        using var reader = DirectoryReader.Open(Directory);
        string[] words = ["quality", "water", "report", "absent"];

        foreach (var search in new[] { "first", "second" })
        {
            var vocabulary = new IndexVocabulary(reader);
            foreach (var word in words)
            {
                var term = new Term("text", word);
                Assert.Equal(reader.DocFreq(term), vocabulary.DocFreq("text", word));
                Assert.Equal(reader.TotalTermFreq(term), vocabulary.Context(term).TotalTermFreq);
                Assert.Equal(Ids(new IndexSearcher(reader), new TermQuery(term)), Ids(new IndexSearcher(reader), vocabulary.Query("text", word)));
                foreach (var leaf in reader.Leaves)
                {
                    Assert.Equal(leaf.AtomicReader.DocFreq(term), vocabulary.DocFreq(leaf, term));
                }
            }
        }

        Assert.All(reader.Leaves, leaf => Assert.Equal(words.Length, SegmentTermStates.For(leaf.AtomicReader).Count));
    }

    [Fact]
    public void A_new_segment_and_a_deletion_are_seen_by_the_next_reader()
    {
        using (var before = DirectoryReader.Open(Directory))
        {
            Assert.Equal(["1", "2"], Ids(new IndexSearcher(before), new IndexVocabulary(before).Query("text", "water")));
        }

        Writer.DeleteDocuments(new Term("id", "1"));
        Add("5", "water report");
        Writer.Commit();
        using var after = DirectoryReader.Open(Directory);

        Assert.Equal(["2", "5"], Ids(new IndexSearcher(after), new IndexVocabulary(after).Query("text", "water")));
    }

    private static string[] Ids(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).Order(StringComparer.Ordinal)];
}
