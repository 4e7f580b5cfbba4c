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
/// The first pass matched a posting list at a time, and the re-scorer's phrases and words read from decoded postings,
/// must give exactly what Lucene's own scorers give: the same documents and the very same float scores. The index has
/// a segment large enough for its common words to be decoded and kept (and rare words that are not), a small second
/// segment, and deleted documents.
/// </summary>
public sealed class PostingListMatcherTests : IDisposable
{
    private static readonly string[] Common = ["ka", "kho", "ngo", "cho"];
    private static readonly string[] Rare = ["so", "tho", "pho"];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public PostingListMatcherTests()
    {
        var random = new Random(2028);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            string Words(int min, int max) => string.Join(" ", Enumerable.Range(0, random.Next(min, max))
                .Select(_ => random.Next(12) == 0 ? Rare[random.Next(Rare.Length)] : Common[random.Next(Common.Length)]));
            for (var i = 0; i < 3_300; i++)
            {
                writer.AddDocument([new StringField("id", i.ToString(), Field.Store.NO),
                    new TextField("title", Words(1, 5), Field.Store.NO), new TextField("text", Words(4, 30), Field.Store.NO)]);
                if (i == 2_999)
                {
                    writer.Commit();
                }
            }

            for (var i = 0; i < 3_300; i += 13)
            {
                writer.DeleteDocuments(new Term("id", i.ToString()));
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public static TheoryData<string> Shapes => [.. QueryShapes.Keys];

    private static Dictionary<string, Func<Query>> QueryShapes => new()
    {
        ["a common word"] = () => Word("text", "ka"),
        ["a rare word"] = () => Word("text", "so"),
        ["two common words"] = () => All(Word("text", "ka"), Word("text", "kho")),
        ["a rare word and common words (skip-list path)"] = () => All(Word("text", "ka"), Word("text", "tho"), Word("title", "kho")),
        ["alternatives inside a conjunction"] = () => All(Any(Word("text", "ka"), Word("title", "so"), Boosted(Word("text", "pho"), 0.4f)), Word("text", "ngo")),
        ["any word, coordinated, with a minimum of one"] = () => new BooleanQuery(disableCoord: false)
        {
            { Word("text", "so"), Occur.SHOULD }, { Word("title", "cho"), Occur.SHOULD }, { Word("text", "pho"), Occur.SHOULD },
        }.WithMinimum(1),
        ["a phrase beside words"] = () => All(Any(Phrase("ka", "kho"), Word("title", "tho")), Word("text", "cho")),
        ["an exclusion (Lucene's scorer)"] = () => new BooleanQuery(disableCoord: true)
        {
            { Word("text", "ka"), Occur.MUST }, { Word("text", "so"), Occur.MUST_NOT },
        },
        ["a boosted group of one"] = () => Boosted(All(Word("text", "ngo")), 2f),
        ["a word no document has"] = () => All(Word("text", "ka"), Word("text", "nothing")),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_first_pass_matches_and_scores_exactly_as_Lucene(string shape)
    {
        var lucene = new Recorder();
        searcher.Search(QueryShapes[shape](), lucene);
        var ours = new Recorder();

        PostingListMatcher.TrySearch(searcher, new IndexVocabulary(reader), QueryShapes[shape](), new Recorder());
        Assert.True(PostingListMatcher.TrySearch(searcher, new IndexVocabulary(reader), QueryShapes[shape](), ours));
        Assert.Equal(lucene.Hits.Keys, ours.Hits.Keys);
        Assert.All(lucene.Hits, hit => Assert.Equal(hit.Value, ours.Hits[hit.Key]));
        Assert.DoesNotContain(0, ours.Hits.Keys);
    }

    [Fact]
    public void Common_words_asked_for_again_are_kept_decoded_and_rare_ones_never()
    {
        var large = reader.Leaves[0].AtomicReader;
        var kept = HotPostings.For(large);
        PostingListMatcher.TrySearch(searcher, new IndexVocabulary(reader), All(Word("text", "ka"), Word("text", "so")), new Recorder());
        Assert.Null(kept.Get("text", new BytesRef("kho"), large.DocFreq(new Term("text", "kho")), () => throw new InvalidOperationException("asked for once")));

        PostingListMatcher.TrySearch(searcher, new IndexVocabulary(reader), All(Word("text", "ka"), Word("text", "so")), new Recorder());

        var ka = kept.Get("text", new BytesRef("ka"), large.DocFreq(new Term("text", "ka")), () => throw new InvalidOperationException("kept already"));
        Assert.NotNull(ka);
        Assert.Equal(large.DocFreq(new Term("text", "ka")), ka.Docs.Length);
        Assert.Null(kept.Get("text", new BytesRef("so"), large.DocFreq(new Term("text", "so")), () => throw new InvalidOperationException("too rare to keep")));
        Assert.True(large.DocFreq(new Term("text", "so")) < HotPostings.MinDocFreq);
    }

    [Fact]
    public void A_full_cache_drops_the_least_recently_used_word_first()
    {
        var large = reader.Leaves[0];
        var vocabulary = new IndexVocabulary(reader);
        HotPostings.Postings? Load(HotPostings cache, string word)
        {
            var docFreq = large.AtomicReader.DocFreq(new Term("text", word));
            return cache.Get("text", new BytesRef(word), docFreq, () => vocabulary.Docs(large, new Term("text", word)))
                ?? cache.Get("text", new BytesRef(word), docFreq, () => vocabulary.Docs(large, new Term("text", word)));
        }

        var one = Load(new HotPostings(), "ka")!;
        var cache = new HotPostings(budgetBytes: (one.Docs.Length + one.Freqs.Length) * sizeof(int) * 5 / 2);

        Load(cache, "ka");
        Load(cache, "kho");
        Load(cache, "ka");
        Load(cache, "ngo");

        Assert.True(cache.HeldBytes <= (one.Docs.Length + one.Freqs.Length) * sizeof(int) * 5 / 2);
        Assert.NotNull(cache.Get("text", new BytesRef("ka"), HotPostings.MinDocFreq, () => throw new InvalidOperationException("ka was used last but one")));
        Assert.Null(cache.Get("text", new BytesRef("kho"), HotPostings.MinDocFreq, () => null));
    }

    [Theory]
    [InlineData(1, "ka", "kho")]
    [InlineData(2, "cho", "ngo", "ka")]
    [InlineData(1, "ka", "so")]
    public void A_phrase_of_kept_words_scores_as_Lucenes_sloppy_phrase(int slop, params string[] words)
    {
        var phrase = Phrase(words);
        phrase.Slop = slop;
        var lucene = PhraseScores(phrase.CreateWeight(searcher));
        var firstUse = PhraseScores(CandidatePhraseWeight.For(searcher, phrase, new IndexVocabulary(reader)));
        var ours = PhraseScores(CandidatePhraseWeight.For(searcher, phrase, new IndexVocabulary(reader)));

        Assert.True(lucene.Count > 50, "the random texts should contain the phrase often");
        Assert.Equal(firstUse, ours);
        Assert.NotNull(HotPostings.For(reader.Leaves[0].AtomicReader).GetWithPositions("text", new BytesRef(words[0]), HotPostings.MinDocFreq, () => null));
        Assert.Equal(lucene.Keys.Order(), ours.Keys.Order());
        Assert.All(lucene, hit => Assert.Equal(hit.Value, ours[hit.Key], 5));
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private static TermQuery Word(string field, string text) => new(new Term(field, text));

    private static PhraseQuery Phrase(params string[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var word in words)
        {
            phrase.Add(new Term("text", word));
        }

        return phrase;
    }

    private static BooleanQuery All(params Query[] clauses) => Group(Occur.MUST, clauses);

    private static BooleanQuery Any(params Query[] clauses) => Group(Occur.SHOULD, clauses);

    private static BooleanQuery Group(Occur occur, Query[] clauses)
    {
        var group = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
        {
            group.Add(clause, occur);
        }

        return group;
    }

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>Every live document's phrase score, scoring all of them as candidates.</summary>
    private Dictionary<int, float> PhraseScores(Weight weight)
    {
        weight.Normalize(searcher.Similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
        var scores = new Dictionary<int, float>();
        foreach (var leaf in reader.Leaves)
        {
            var all = new CandidateDocs(Enumerable.Range(0, leaf.Reader.MaxDoc).Where(d => leaf.AtomicReader.LiveDocs?.Get(d) ?? true).ToArray(), leaf.Reader.MaxDoc);
            var scorer = weight.GetScorer(leaf, all);
            while (scorer is not null && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                scores[leaf.DocBase + scorer.DocID] = scorer.GetScore();
            }
        }

        return scores;
    }

    /// <summary>Each collected document (top-level id) with the score its scorer gave, in the order collected.</summary>
    private sealed class Recorder : ICollector
    {
        private Scorer? scorer;
        private int docBase;

        public Dictionary<int, float> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => this.scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Hits.Add(docBase + doc, scorer!.GetScore());
    }
}

internal static class BooleanQueryExtensions
{
    public static BooleanQuery WithMinimum(this BooleanQuery query, int minimum)
    {
        query.MinimumNumberShouldMatch = minimum;
        return query;
    }
}
