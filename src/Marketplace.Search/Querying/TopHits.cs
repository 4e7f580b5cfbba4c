using Lucene.Net.Search;

namespace Marketplace.Search.Querying;

/// <summary>
/// The best documents by a value (a score, a date), equal values in listing-id order: the tie-break that does not
/// depend on how the index was built (listings are indexed in parallel, and an edited listing moves to the end).
/// </summary>
internal sealed class TopHits<TValue>(int size)
    where TValue : IComparable<TValue>
{
    // The root is the worst kept hit: the lowest value, and for equal values the larger listing id.
    private readonly PriorityQueue<int, (TValue Value, long Id)> kept = new(size + 1, Comparer<(TValue Value, long Id)>.Create(
        (a, b) => a.Value.CompareTo(b.Value) is var order and not 0 ? order : b.Id.CompareTo(a.Id)));

    public void Offer(int doc, TValue value, long listingId)
    {
        if (kept.Count < size)
        {
            kept.Enqueue(doc, (value, listingId));
        }
        else if (kept.TryPeek(out _, out var worst) && kept.Comparer.Compare((value, listingId), worst) > 0)
        {
            kept.DequeueEnqueue(doc, (value, listingId));
        }
    }

    /// <summary>The kept documents, best first, each with the score <paramref name="score"/> gives its value.</summary>
    public ScoreDoc[] Best(Func<TValue, float> score)
    {
        var hits = new ScoreDoc[kept.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            kept.TryDequeue(out var doc, out var key);
            hits[i] = new ScoreDoc(doc, score(key.Value));
        }

        return hits;
    }
}
