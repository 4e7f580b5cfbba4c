using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Re-scores first-pass candidates with a weighted sum of second queries (a weight may be negative): the second
/// score decides, the first breaks ties. Written here because Lucene.Net 4.8's QueryRescorer takes one query and
/// throws NullReferenceException when that query has no scorer in a segment (none of its terms occur there).
/// </summary>
internal static class CandidateRescorer
{
    private const float FirstPassWeight = 0.1f;

    public static TopDocs Rescore(IndexSearcher searcher, IndexVocabulary vocabulary, TopDocs firstPass, IReadOnlyList<(Query Query, float Weight)> parts, int topN)
    {
        var hits = firstPass.ScoreDocs.OrderBy(h => h.Doc).ToArray();
        var second = new float[hits.Length];
        var candidates = new CandidateDocs?[searcher.IndexReader.Leaves.Count];
        foreach (var (query, weight) in parts)
        {
            foreach (var (clause, onlyCandidates) in ClauseWeights(searcher, vocabulary, query))
            {
                if (clause is CandidateTermGroup words)
                {
                    words.AddScores(searcher, hits, weight, second);
                }
                else
                {
                    AddScores(searcher, hits, clause, onlyCandidates ? candidates : null, weight, second);
                }
            }
        }

        for (var i = 0; i < hits.Length; i++)
        {
            hits[i].Score = second[i] + (FirstPassWeight * hits[i].Score);
        }

        var ids = ListingIds(searcher, hits);
        var order = Enumerable.Range(0, hits.Length).OrderByDescending(i => hits[i].Score).ThenBy(i => ids[i]).Take(topN);
        var best = order.Select(i => hits[i]).ToArray();
        return new TopDocs(firstPass.TotalHits, best, best.Length > 0 ? best[0].Score : float.NaN);
    }

    /// <summary>
    /// The weights of a query's optional clauses, normalised exactly as Lucene normalises the whole query (so their
    /// scores add up to its score), each marked with whether its scorer should see only the candidates. Scored one by
    /// one because the two kinds of clause advance differently: a word advances by its skip list to the first
    /// document at or after a candidate, which is cheap unless it may only stop at candidates (then it reads every
    /// posting in between); a phrase checks the positions of every document between two candidates that has all its
    /// words — most of the index for common Thai bigrams — unless it sees only the candidates.
    /// </summary>
    private static IEnumerable<(Weight Weight, bool OnlyCandidates)> ClauseWeights(IndexSearcher searcher, IndexVocabulary vocabulary, Query query)
    {
        var rewritten = searcher.Rewrite(query);
        if (rewritten is not BooleanQuery { CoordDisabled: true } optional || optional.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            var weight = rewritten is PhraseQuery single ? CandidatePhraseWeight.For(searcher, single, vocabulary) : rewritten.CreateWeight(searcher);
            Normalize([weight], searcher, 1f);
            return [(weight, rewritten is PhraseQuery)];
        }

        var weights = optional.Clauses.Select(c => (Weight: c.Query is PhraseQuery phrase
            ? CandidatePhraseWeight.For(searcher, phrase, vocabulary)
            : CandidateTermGroup.For(searcher, c.Query, vocabulary) ?? c.Query.CreateWeight(searcher), IsPhrase: c.Query is PhraseQuery)).ToList();
        Normalize(weights.Select(w => w.Weight).ToList(), searcher, optional.Boost);
        return weights;
    }

    private static void Normalize(IReadOnlyList<Weight> weights, IndexSearcher searcher, float boost)
    {
        var sum = weights.Sum(w => w.GetValueForNormalization()) * boost * boost;
        var norm = searcher.Similarity.QueryNorm(sum);
        norm = float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm;
        foreach (var weight in weights)
        {
            weight.Normalize(norm, boost);
        }
    }

    /// <summary>The listing id of each candidate (in document order), the tie-break that does not depend on how the index was built.</summary>
    private static long[] ListingIds(IndexSearcher searcher, ScoreDoc[] hits)
    {
        var ids = new long[hits.Length];
        var leaves = searcher.IndexReader.Leaves;
        for (var i = 0; i < hits.Length; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hits[i].Doc, leaves)];
            ids[i] = leaf.AtomicReader.GetNumericDocValues(FieldNames.IdOrder)?.Get(hits[i].Doc - leaf.DocBase) ?? hits[i].Doc;
        }

        return ids;
    }

    /// <summary>
    /// Walks the candidates in document order, advancing one scorer per segment; with <paramref name="candidates"/>
    /// (each segment's candidates, filled on first use and shared by every clause) the scorer sees only those.
    /// </summary>
    private static void AddScores(IndexSearcher searcher, ScoreDoc[] hits, Weight weight, CandidateDocs?[]? candidates, float factor, float[] scores)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        for (var i = 0; i < hits.Length; i++)
        {
            while (hits[i].Doc >= leafEnd)
            {
                leaf++;
                leafEnd = leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc;
                scorer = weight.GetScorer(leaves[leaf], candidates is null ? null : candidates[leaf] ??= CandidatesIn(hits, i, leaves[leaf]));
            }

            var target = hits[i].Doc - leaves[leaf].DocBase;
            if (scorer is not null && (scorer.DocID >= target || scorer.Advance(target) >= target) && scorer.DocID == target)
            {
                scores[i] += factor * scorer.GetScore();
            }
        }
    }

    /// <summary>The candidates that fall in one segment, from the first one there (hits are in document order).</summary>
    private static CandidateDocs CandidatesIn(ScoreDoc[] hits, int first, AtomicReaderContext leaf)
    {
        var end = first;
        while (end < hits.Length && hits[end].Doc < leaf.DocBase + leaf.Reader.MaxDoc)
        {
            end++;
        }

        return new CandidateDocs(hits[first..end].Select(h => h.Doc - leaf.DocBase).ToArray(), leaf.Reader.MaxDoc);
    }
}
