using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>
/// The re-scorer's own phrase scorer must give the scores Lucene gives, on random texts over a small vocabulary so
/// that phrases occur exactly, nearly, reversed and many times: Lucene's sloppy scores for phrases without a repeated
/// word, and Lucene's exact-phrase scores for phrases with one.
/// </summary>
public sealed class CandidatePhraseTests : IDisposable
{
    private const string Field = "text";
    private static readonly string[] Vocabulary = ["ka", "kho", "ngo", "cho", "so", "tho"];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public CandidatePhraseTests()
    {
        var random = new Random(2026);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            for (var i = 0; i < 600; i++)
            {
                var words = Enumerable.Range(0, random.Next(3, 40)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
                writer.AddDocument([new TextField(Field, string.Join(" ", words), Lucene.Net.Documents.Field.Store.NO)]);

                // Several segments, so per-segment term states and scorers are exercised too.
                if (i % 250 == 249)
                {
                    writer.Commit();
                }
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
    }

    [Theory]
    [InlineData(1, "ka", "kho")]
    [InlineData(1, "ka", "kho", "ngo")]
    [InlineData(2, "cho", "ka")]
    [InlineData(3, "so", "tho", "ka", "kho")]
    public void A_phrase_without_a_repeated_word_scores_as_Lucenes_sloppy_phrase(int slop, params string[] words)
    {
        var ours = Scores(CandidatePhraseWeight.For(searcher, Phrase(slop, words), new IndexVocabulary(reader)));
        var lucene = Scores(Phrase(slop, words).CreateWeight(searcher));

        Assert.IsType<CandidatePhraseWeight>(CandidatePhraseWeight.For(searcher, Phrase(slop, words), new IndexVocabulary(reader)));
        Assert.True(lucene.Count > 20, "the random texts should contain the phrase often");
        Assert.Equal(lucene.Keys.Order(), ours.Keys.Order());
        Assert.All(lucene, hit => Assert.Equal(hit.Value, ours[hit.Key], 5));
    }

    [Theory]
    [InlineData("ka", "kho", "ka")]
    [InlineData("so", "so")]
    public void A_phrase_with_a_repeated_word_scores_its_exact_occurrences(params string[] words)
    {
        var ours = Scores(CandidatePhraseWeight.For(searcher, Phrase(1, words), new IndexVocabulary(reader)));
        var exact = Scores(Phrase(0, words).CreateWeight(searcher));

        Assert.True(exact.Count > 20, "the random texts should contain the phrase often");
        Assert.Equal(exact.Keys.Order(), ours.Keys.Order());
        Assert.All(exact, hit => Assert.Equal(hit.Value, ours[hit.Key], 5));
    }

    [Fact]
    public void Only_candidates_are_scored()
    {
        var candidates = Candidates(doc => doc % 7 == 0);
        var ours = Scores(CandidatePhraseWeight.For(searcher, Phrase(1, "ka", "kho"), new IndexVocabulary(reader)), candidates);

        Assert.NotEmpty(ours);
        Assert.All(ours.Keys, doc => Assert.Equal(0, doc % 7));
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private static PhraseQuery Phrase(int slop, params string[] words)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var word in words)
        {
            phrase.Add(new Term(Field, word));
        }

        return phrase;
    }

    private static Func<AtomicReaderContext, CandidateDocs> Candidates(Func<int, bool> isCandidate) => leaf =>
        new(Enumerable.Range(0, leaf.Reader.MaxDoc).Where(doc => isCandidate(leaf.DocBase + doc)).ToArray(), leaf.Reader.MaxDoc);

    /// <summary>Each matching document's score, with the weight normalised as the re-scorer normalises it.</summary>
    private Dictionary<int, float> Scores(Weight weight, Func<AtomicReaderContext, CandidateDocs>? candidates = null)
    {
        weight.Normalize(searcher.Similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
        var scores = new Dictionary<int, float>();
        foreach (var leaf in reader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, (candidates ?? Candidates(_ => true))(leaf));
            while (scorer is not null && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                scores[leaf.DocBase + scorer.DocID] = scorer.GetScore();
            }
        }

        return scores;
    }
}
