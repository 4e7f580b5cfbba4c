using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>
/// The re-scorer scores a group of words one word at a time; its scores must be the very floats Lucene's own term
/// and disjunction scorers give, with BM25 as the index uses it, over random texts in two fields and several segments.
/// </summary>
public sealed class CandidateTermGroupTests : IDisposable
{
    private static readonly string[] Vocabulary = ["ka", "kho", "ngo", "cho", "so", "tho", "pho", "mo"];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public CandidateTermGroupTests()
    {
        var random = new Random(2027);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(directory, config))
        {
            string Words(int min, int max) => string.Join(" ", Enumerable.Range(0, random.Next(min, max)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            for (var i = 0; i < 700; i++)
            {
                writer.AddDocument([new TextField("title", Words(1, 4), Field.Store.NO), new TextField("text", Words(3, 60), Field.Store.NO)]);
                if (i % 300 == 299)
                {
                    writer.Commit();
                }
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public static TheoryData<float, float> Boosts => new() { { 1f, 1f }, { 0.5f, 1f }, { 0.4f, 3f } };

    [Theory]
    [MemberData(nameof(Boosts))]
    public void A_group_of_words_in_weighted_fields_scores_exactly_as_Lucenes_disjunction(float groupBoost, float parentBoost)
    {
        var group = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term("text", "ka")), Occur.SHOULD },
            { new TermQuery(new Term("title", "ka")) { Boost = 3f }, Occur.SHOULD },
            { new TermQuery(new Term("text", "mo")) { Boost = 0.4f }, Occur.SHOULD },
            { new TermQuery(new Term("title", "absent")), Occur.SHOULD },
        };
        group.Boost = groupBoost;

        var lucene = LuceneScores(group, parentBoost);
        var ours = OurScores(group, parentBoost);

        Assert.True(lucene.Count > 300, "most random texts should hold one of the words");
        Assert.Equal(lucene.Keys.Order(), ours.Keys.Order());
        Assert.All(lucene, hit => Assert.Equal(hit.Value, ours[hit.Key]));
    }

    [Fact]
    public void A_single_word_scores_exactly_as_Lucenes_term_scorer()
    {
        var word = new TermQuery(new Term("title", "cho")) { Boost = 2f };

        var lucene = LuceneScores(word, 1f);
        var ours = OurScores(word, 1f);

        Assert.NotEmpty(lucene);
        Assert.Equal(lucene.Keys.Order(), ours.Keys.Order());
        Assert.All(lucene, hit => Assert.Equal(hit.Value, ours[hit.Key]));
    }

    [Fact]
    public void Anything_but_optional_words_without_coordination_is_left_to_Lucene()
    {
        var required = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term("text", "ka")), Occur.MUST } };
        var coordinated = new BooleanQuery { { new TermQuery(new Term("text", "ka")), Occur.SHOULD } };
        var phrase = new PhraseQuery { new Term("text", "ka"), new Term("text", "kho") };

        Assert.All(new Query[] { required, coordinated, phrase }, query => Assert.Null(CandidateTermGroup.For(searcher, query, new IndexVocabulary(reader))));
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private Dictionary<int, float> LuceneScores(Query query, float parentBoost)
    {
        var weight = query.CreateWeight(searcher);
        weight.Normalize(searcher.Similarity.QueryNorm(weight.GetValueForNormalization()), parentBoost);
        var scores = new Dictionary<int, float>();
        foreach (var leaf in reader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, null);
            while (scorer is not null && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                scores[leaf.DocBase + scorer.DocID] = scorer.GetScore();
            }
        }

        return scores;
    }

    /// <summary>Every document is a candidate; a document the group does not match gets no score.</summary>
    private Dictionary<int, float> OurScores(Query query, float parentBoost)
    {
        var group = CandidateTermGroup.For(searcher, query, new IndexVocabulary(reader))!;
        group.Normalize(searcher.Similarity.QueryNorm(group.GetValueForNormalization()), parentBoost);
        var hits = Enumerable.Range(0, reader.MaxDoc).Select(doc => new ScoreDoc(doc, 0f)).ToArray();
        var scores = new float[hits.Length];
        group.AddScores(searcher, hits, 1f, scores);
        return Enumerable.Range(0, hits.Length).Where(doc => scores[doc] != 0f).ToDictionary(doc => doc, doc => scores[doc]);
    }
}
