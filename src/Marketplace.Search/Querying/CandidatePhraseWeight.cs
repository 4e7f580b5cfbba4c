using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// A sloppy phrase scored on the re-scorer's candidates only, with the score Lucene's own phrase weight gives. Lucene
/// walks every posting of every word of the phrase between two candidates (it filters after reading); this jumps to
/// each candidate by the skip list and reads positions there alone. At 100,000 listings Lucene's phrase scorer took
/// about half of a Thai search's time, most of it on listings that were not candidates. A phrase with a repeated word
/// (often a Thai run's letter pairs: การจัดซื้อจัดจ้าง has จั and ัด twice) counts its exact occurrences instead of
/// Lucene's sloppy matches, whose bookkeeping for repeats this does not reproduce; near misses of a run of letter
/// pairs are not the run anyway.
/// </summary>
internal sealed class CandidatePhraseWeight : Weight
{
    private readonly PhraseQuery phrase;
    private readonly Term[] terms;
    private readonly IndexVocabulary vocabulary;
    private readonly Similarity similarity;
    private readonly Similarity.SimWeight stats;

    private CandidatePhraseWeight(IndexSearcher searcher, PhraseQuery phrase, IndexVocabulary vocabulary)
    {
        this.phrase = phrase;
        terms = phrase.GetTerms();
        this.vocabulary = vocabulary;
        similarity = searcher.Similarity;
        var termStats = terms.Select(t => searcher.TermStatistics(t, vocabulary.Context(t))).ToArray();
        stats = similarity.ComputeWeight(phrase.Boost, searcher.CollectionStatistics(phrase.GetTerms()[0].Field), termStats);
    }

    public override Query Query => phrase;

    /// <summary>This weight for a phrase it can score the way Lucene does, else Lucene's own.</summary>
    public static Weight For(IndexSearcher searcher, PhraseQuery phrase, IndexVocabulary vocabulary)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        var plain = phrase.Slop > 0 && terms.Length > 1 && positions.Select((p, i) => p == i).All(inOrder => inOrder);
        return plain ? new CandidatePhraseWeight(searcher, phrase, vocabulary) : phrase.CreateWeight(searcher);
    }

    public override float GetValueForNormalization() => stats.GetValueForNormalization();

    public override void Normalize(float norm, float topLevelBoost) => stats.Normalize(norm, topLevelBoost);

    public override Explanation Explain(AtomicReaderContext context, int doc) =>
        throw new NotSupportedException("Candidate phrases are only scored, never explained.");

    /// <summary>A scorer over the documents in <paramref name="acceptDocs"/> (the candidates), which it requires.</summary>
    public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
    {
        var candidates = acceptDocs as CandidateDocs
            ?? throw new ArgumentException("A candidate phrase needs the candidates.", nameof(acceptDocs));
        var hot = HotPostings.For(context.AtomicReader);
        var postings = new DocsAndPositionsEnum[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var slot = i;
            var kept = hot.GetWithPositions(terms[i].Field, terms[i].Bytes, vocabulary.DocFreq(context, terms[i]),
                () => vocabulary.Positions(context, terms[slot], slot));
            if ((kept is null ? vocabulary.Positions(context, terms[i], i) : new KeptPositions(kept)) is not { } positions)
            {
                return null;
            }

            postings[i] = positions;
        }

        var slop = terms.Distinct().Count() == terms.Length ? phrase.Slop : 0;
        return new CandidatePhraseScorer(this, postings, candidates, slop, similarity.GetSimScorer(stats, context));
    }
}
