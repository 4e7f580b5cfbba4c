using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// An optional group of words (one word in its weighted fields, or a single word) scored on the re-scorer's
/// candidates one word at a time, through one reused postings enumerator per segment and field. Lucene's
/// disjunction opens an enumerator, a skip list reader and their buffers for every word of every query and advances
/// them all together: at 100,000 listings that was most of the re-scoring's garbage. The score is Lucene's to the
/// bit: the same statistics and boosts, and the words' scores summed in double precision and rounded once, as its
/// disjunction does (the order of a double sum of a few floats does not change it).
/// </summary>
internal sealed class CandidateTermGroup : Weight
{
    private readonly Query group;
    private readonly IndexVocabulary vocabulary;
    private readonly Similarity similarity;
    private readonly (Term Term, Similarity.SimWeight Stats)[] words;

    private CandidateTermGroup(IndexSearcher searcher, Query group, IReadOnlyList<TermQuery> terms, IndexVocabulary vocabulary)
    {
        this.group = group;
        this.vocabulary = vocabulary;
        similarity = searcher.Similarity;
        words = terms.Select(t => (t.Term, similarity.ComputeWeight(t.Boost, searcher.CollectionStatistics(t.Term.Field),
            searcher.TermStatistics(t.Term, vocabulary.Context(t.Term))))).ToArray();
    }

    public override Query Query => group;

    /// <summary>This group for a word or an optional group of words without coordination; null for any other query.</summary>
    public static CandidateTermGroup? For(IndexSearcher searcher, Query query, IndexVocabulary vocabulary) => query switch
    {
        TermQuery word => new CandidateTermGroup(searcher, query, [word], vocabulary),
        BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } any
            when any.Clauses.All(c => c is { Occur: Occur.SHOULD, Query: TermQuery })
            => new CandidateTermGroup(searcher, query, any.Clauses.Select(c => (TermQuery)c.Query).ToList(), vocabulary),
        _ => null,
    };

    // As Lucene's TermWeight for a word, and its BooleanWeight (the sum, times the group's boost squared) for a group.
    public override float GetValueForNormalization()
    {
        if (group is TermQuery)
        {
            return words[0].Stats.GetValueForNormalization();
        }

        var sum = 0f;
        foreach (var (_, stats) in words)
        {
            sum += stats.GetValueForNormalization();
        }

        return sum * group.Boost * group.Boost;
    }

    public override void Normalize(float norm, float topLevelBoost)
    {
        var boost = group is TermQuery ? topLevelBoost : topLevelBoost * group.Boost;
        foreach (var (_, stats) in words)
        {
            stats.Normalize(norm, boost);
        }
    }

    public override Explanation Explain(AtomicReaderContext context, int doc) =>
        throw new NotSupportedException("Candidate word groups are only scored, never explained.");

    public override Scorer GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
        throw new NotSupportedException("A candidate word group adds its scores with AddScores.");

    /// <summary>Adds factor × the group's score to each candidate (hits in document order) that has any of its words.</summary>
    public void AddScores(IndexSearcher searcher, ScoreDoc[] hits, float factor, float[] scores)
    {
        var sums = new double[hits.Length];
        var found = new bool[hits.Length];
        var leaves = searcher.IndexReader.Leaves;
        foreach (var (term, stats) in words)
        {
            var first = 0;
            foreach (var leaf in leaves)
            {
                var end = first;
                while (end < hits.Length && hits[end].Doc < leaf.DocBase + leaf.Reader.MaxDoc)
                {
                    end++;
                }

                if (end > first && HotPostings.For(leaf.AtomicReader).Get(term.Field, term.Bytes, vocabulary.DocFreq(leaf, term),
                    () => vocabulary.Docs(leaf, term)) is { } hot)
                {
                    var scorer = similarity.GetSimScorer(stats, leaf);
                    for (int i = first, from = 0; i < end; i++)
                    {
                        var at = hot.Find(hits[i].Doc - leaf.DocBase, from);
                        from = at < 0 ? ~at : at;
                        if (at >= 0)
                        {
                            sums[i] += scorer.Score(hot.Docs[at], hot.Freqs[at]);
                            found[i] = true;
                        }
                    }
                }
                else if (end > first && vocabulary.Docs(leaf, term) is { } postings)
                {
                    var scorer = similarity.GetSimScorer(stats, leaf);
                    for (var i = first; i < end; i++)
                    {
                        var target = hits[i].Doc - leaf.DocBase;
                        if ((postings.DocID >= target || postings.Advance(target) >= target) && postings.DocID == target)
                        {
                            sums[i] += scorer.Score(target, postings.Freq);
                            found[i] = true;
                        }
                    }
                }

                first = end;
            }
        }

        for (var i = 0; i < hits.Length; i++)
        {
            if (found[i])
            {
                scores[i] += factor * (float)sums[i];
            }
        }
    }
}
