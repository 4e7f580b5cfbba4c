using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// One search's enumerators for one segment (over each field's term dictionary, and over postings per field and phrase
/// word), lent from a small pool kept with the segment and given back when the search ends. Each search opened its
/// own: every postings enumerator copies the index inputs it reads and allocates buffers of a few kilobytes, and a term
/// enumerator builds a frame per level of the term dictionary it walks — at 100,000 listings about a tenth of a Thai
/// search's garbage, and the copying a few percent of its time. A lent set is used by one search at a time; the pool
/// lives with the segment's core, which every reader of the segment shares, so an enumerator only ever reads the
/// segment it was opened on (each use passes the reader's own live documents).
/// </summary>
internal sealed class SegmentEnumerators
{
    // About the number of searches running at once; a set beyond it is left to the collector.
    private const int MaxPooled = 16;

    private static readonly ConditionalWeakTable<object, Stack<SegmentEnumerators>> Pools = new();

    private readonly Stack<SegmentEnumerators> pool;
    private readonly Dictionary<string, TermsEnum?> terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocsEnum> docs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, int Slot), DocsAndPositionsEnum> positions = [];

    private SegmentEnumerators(Stack<SegmentEnumerators> pool)
    {
        this.pool = pool;
    }

    /// <summary>A set for the segment of <paramref name="reader"/>, used by the caller alone until <see cref="Return"/>.</summary>
    public static SegmentEnumerators Rent(AtomicReader reader)
    {
        var pool = Pools.GetValue(reader.CoreCacheKey, _ => new Stack<SegmentEnumerators>());
        lock (pool)
        {
            if (pool.TryPop(out var lent))
            {
                return lent;
            }
        }

        return new SegmentEnumerators(pool);
    }

    /// <summary>Gives the set back; the caller must not use it, or anything it returned, afterwards.</summary>
    public void Return()
    {
        lock (pool)
        {
            if (pool.Count < MaxPooled)
            {
                pool.Push(this);
            }
        }
    }

    /// <summary>This set's enumerator over a field's terms in the segment; null when no document has the field.</summary>
    public TermsEnum? Terms(AtomicReader reader, string field)
    {
        if (!terms.TryGetValue(field, out var found))
        {
            found = reader.GetTerms(field)?.GetEnumerator();
            terms[field] = found;
        }

        return found;
    }

    /// <summary>The postings with frequencies of the term <paramref name="terms"/> is on, reusing this set's enumerator for the field.</summary>
    public DocsEnum Docs(TermsEnum terms, string field, IBits? liveDocs)
    {
        var found = terms.Docs(liveDocs, docs.GetValueOrDefault(field), DocsFlags.FREQS);
        docs[field] = found;
        return found;
    }

    /// <summary>The postings with positions of the term <paramref name="terms"/> is on, reusing this set's enumerator for the field and slot.</summary>
    public DocsAndPositionsEnum Positions(TermsEnum terms, string field, int slot)
    {
        var key = (field, slot);
        var found = terms.DocsAndPositions(null, positions.GetValueOrDefault(key), DocsAndPositionsFlags.NONE);
        positions[key] = found;
        return found;
    }
}
