using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Search.Querying;

/// <summary>
/// Keeps the best-scoring documents, equal scores in listing-id order. Lucene's TopScoreDocCollector breaks ties by
/// document id, which depends on how the index was built (listings are indexed in parallel, and an edited listing
/// moves to the end), so which of many equally scored listings became re-scoring candidates changed with every rebuild.
/// </summary>
internal sealed class RelevanceCollector(int size) : ICollector
{
    // The root is the worst kept hit: the lowest score, and for equal scores the larger listing id.
    private readonly PriorityQueue<int, (float Score, long Id)> kept = new(size + 1, Comparer<(float Score, long Id)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Id.CompareTo(a.Id)));

    private Scorer? scorer;
    private long[] ids = [];
    private int docBase;
    private int totalHits;

    // In order: out of order costs a BooleanScorer's 2,048 bucket objects per query clause per search.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ids = SegmentValues.For(context.AtomicReader).ListingIds;
        docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        totalHits++;
        var score = scorer!.GetScore();
        if (float.IsNaN(score))
        {
            return;
        }

        if (kept.Count < size)
        {
            kept.Enqueue(docBase + doc, (score, ids[doc]));
        }
        else if (kept.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && ids[doc] < worst.Id)))
        {
            kept.DequeueEnqueue(docBase + doc, (score, ids[doc]));
        }
    }

    public TopDocs TopDocs()
    {
        var hits = new ScoreDoc[kept.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            kept.TryDequeue(out var doc, out var key);
            hits[i] = new ScoreDoc(doc, key.Score);
        }

        return new TopDocs(totalHits, hits, hits.Length > 0 ? hits[0].Score : float.NaN);
    }
}
