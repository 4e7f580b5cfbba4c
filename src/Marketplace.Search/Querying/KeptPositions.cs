using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// A word's kept postings (<see cref="HotPostings"/>) read as Lucene's positions enumerator, so the re-scorer's phrase
/// scorer jumps to a candidate by a binary search and reads its positions from an array, where the index's own
/// enumerator decodes a block of documents, one of frequencies and the positions before the candidate's. It carries no
/// offsets or payloads; the phrase scorer reads neither.
/// </summary>
internal sealed class KeptPositions(HotPostings.Postings postings) : Lucene.Net.Index.DocsAndPositionsEnum
{
    private readonly int[] docs = postings.Docs;
    private readonly int[] starts = postings.PositionStarts
        ?? throw new ArgumentException("The postings were kept without positions.", nameof(postings));

    private readonly int[] positions = postings.Positions!;
    private int index = -1;
    private int doc = -1;
    private int nextPosition;

    public override int DocID => doc;

    public override int Freq => postings.Freqs[index];

    public override int StartOffset => -1;

    public override int EndOffset => -1;

    public override int NextDoc() => MoveTo(index + 1);

    public override int Advance(int target)
    {
        var from = Math.Max(index, 0);
        var at = Array.BinarySearch(docs, from, docs.Length - from, target);
        return MoveTo(at < 0 ? ~at : at);
    }

    public override int NextPosition() => positions[nextPosition++];

    public override BytesRef? GetPayload() => null;

    public override long GetCost() => docs.Length;

    private int MoveTo(int at)
    {
        index = at;
        if (at >= docs.Length)
        {
            return doc = NO_MORE_DOCS;
        }

        nextPosition = starts[at];
        return doc = docs[at];
    }
}
