using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Search.Querying;

/// <summary>
/// Keeps the best-scoring documents, equal scores in listing-id order. Lucene's TopScoreDocCollector breaks ties by
/// document id, so which of many equally scored listings became re-scoring candidates changed with every rebuild.
/// </summary>
internal sealed class RelevanceCollector(int size) : ICollector
{
    private readonly TopHits<float> kept = new(size);
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
        if (!float.IsNaN(score))
        {
            kept.Offer(docBase + doc, score, ids[doc]);
        }
    }

    public TopDocs TopDocs()
    {
        var hits = kept.Best(score => score);
        return new TopDocs(totalHits, hits, hits.Length > 0 ? hits[0].Score : float.NaN);
    }
}
