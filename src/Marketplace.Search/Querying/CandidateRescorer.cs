using Lucene.Net.Search;

namespace Marketplace.Search.Querying;

/// <summary>
/// Re-scores first-pass candidates with a second query: the second score decides, the first breaks ties. Written
/// here because Lucene.Net 4.8's QueryRescorer throws NullReferenceException when the second query has no scorer
/// in a segment (none of its terms occur there), which the combined matching fields make possible.
/// </summary>
internal static class CandidateRescorer
{
    private const float FirstPassWeight = 0.1f;

    public static TopDocs Rescore(IndexSearcher searcher, TopDocs firstPass, Query scoring, int topN)
    {
        var hits = firstPass.ScoreDocs.OrderBy(h => h.Doc).ToArray();
        var weight = searcher.CreateNormalizedWeight(scoring);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        foreach (var hit in hits)
        {
            while (hit.Doc >= leafEnd)
            {
                leaf++;
                leafEnd = leaves[leaf].DocBase + leaves[leaf].Reader.MaxDoc;
                scorer = weight.GetScorer(leaves[leaf], null);
            }

            var target = hit.Doc - leaves[leaf].DocBase;
            var second = 0f;
            if (scorer is not null && (scorer.DocID >= target || scorer.Advance(target) >= target) && scorer.DocID == target)
            {
                second = scorer.GetScore();
            }

            hit.Score = second + (FirstPassWeight * hit.Score);
        }

        var best = hits.OrderByDescending(h => h.Score).ThenBy(h => h.Doc).Take(topN).ToArray();
        return new TopDocs(firstPass.TotalHits, best, best.Length > 0 ? best[0].Score : float.NaN);
    }
}
