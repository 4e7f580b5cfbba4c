using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// Where each word a search has asked for sits in one segment's term dictionary (its term state and counts), or that the
/// segment lacks it, kept while the segment lives. Every search looked its words up again: a term dictionary seek
/// walks the index's prefix tree and loads blocks into new frames with their own buffers, about a seventh of a
/// search's garbage at 100,000 listings, for an answer that cannot change (segments never change; deletions live
/// elsewhere and the counts include deleted documents, as Lucene's do). A word's entry is a few hundred bytes; past
/// <see cref="MaxTerms"/> words the segment's entries are dropped and found again, so hostile queries of made-up
/// words cannot grow it without bound.
/// </summary>
internal sealed class SegmentTermStates
{
    public const int MaxTerms = 100_000;

    private static readonly ConditionalWeakTable<object, SegmentTermStates> Segments = new();

    private readonly ConcurrentDictionary<Term, Found?> found = new();

    /// <summary>A word's place in the segment: a term state to seek with (never changed by a reader) and its counts.</summary>
    public sealed record Found(TermState State, int DocFreq, long TotalTermFreq);

    public static SegmentTermStates For(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => new SegmentTermStates());

    /// <summary>Words held now (for tests).</summary>
    public int Count => found.Count;

    /// <summary>The word's entry if it was sought before (null inside when the segment lacks it).</summary>
    public bool TryGet(Term term, out Found? entry) => found.TryGetValue(term, out entry);

    /// <summary>Seeks the word with <paramref name="terms"/> (an enumerator of its field in this segment) and keeps the answer; null where the segment lacks it.</summary>
    public Found? Seek(Term term, TermsEnum? terms)
    {
        var entry = terms is not null && terms.SeekExact(term.Bytes) ? new Found(terms.GetTermState(), terms.DocFreq, terms.TotalTermFreq) : null;
        if (found.Count >= MaxTerms)
        {
            found.Clear();
        }

        found.TryAdd(new Term(term.Field, BytesRef.DeepCopyOf(term.Bytes)), entry);
        return entry;
    }
}
