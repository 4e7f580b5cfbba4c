using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// The decoded postings (documents, frequencies and, for phrases, positions) of a segment's most used common words,
/// kept while the segment lives. Decoding Lucene's packed postings blocks was the largest single cost of a broad
/// search at 100,000 listings: every search decoded the same 5,000–35,000 postings of its common words again, in the
/// first pass, and again block by block at each candidate it re-scored, with the positions before the candidate's. A word is kept only when it is in at least <see cref="MinDocFreq"/>
/// listings (a rarer one decodes in microseconds) and only within a fixed budget per segment; the least recently used
/// go first. Segments never change (deletions live elsewhere), so an entry never goes stale; it holds deleted
/// documents too, which the reader filters with the live documents of its own snapshot.
/// </summary>
internal sealed class HotPostings
{
    /// <summary>Words in fewer listings than this are decoded where they are used.</summary>
    public const int MinDocFreq = 2_048;

    /// <summary>
    /// At most, per segment: eight bytes a posting and four a position. The benchmark's 42 queries keep about 45 MB at
    /// 100,000 listings; a catalogue under about 2,000 listings keeps nothing.
    /// </summary>
    public const long BudgetBytes = 64L << 20;

    /// <summary>
    /// A segment's budget grows with its size up to <see cref="BudgetBytes"/>, so an index in several segments holds
    /// about what the same listings in one would (incremental updates leave merged segments of every size).
    /// </summary>
    private const long BudgetBytesPerDocument = BudgetBytes / 100_000;

    private const int MaxAskedOnce = 10_000;

    private static readonly ConditionalWeakTable<object, HotPostings> Segments = new();

    private readonly Dictionary<(string Field, BytesRef Term), Postings> kept = [];

    // Words asked for once and not kept yet: a word is decoded whole only when it is asked for again, so a word that
    // one search uses costs that search no more than reading the index would, and does not push out words in use.
    private readonly HashSet<(string Field, BytesRef Term, bool Positions)> askedOnce = [];
    private readonly Lock gate = new();
    private readonly long budgetBytes;
    private long bytes;
    private long clock;

    /// <summary>
    /// One word's postings in a segment: documents in ascending order, the word's frequency in each and, when asked
    /// for, its positions (those of the document at index i start at <c>PositionStarts[i]</c>).
    /// </summary>
    public sealed class Postings(int[] docs, int[] freqs, int[]? positionStarts = null, int[]? positions = null)
    {
        public int[] Docs { get; } = docs;

        public int[] Freqs { get; } = freqs;

        public int[]? PositionStarts { get; } = positionStarts;

        public int[]? Positions { get; } = positions;

        internal long LastUse { get; set; }

        internal long Bytes => ((long)Docs.Length + Freqs.Length + (PositionStarts?.Length ?? 0) + (Positions?.Length ?? 0)) * sizeof(int);

        /// <summary>The index of <paramref name="doc"/> at or after <paramref name="from"/>, or the complement of where it would be.</summary>
        public int Find(int doc, int from) => Array.BinarySearch(Docs, from, Docs.Length - from, doc);
    }

    /// <summary>A cache with its own budget, for tests; the search uses <see cref="For"/>.</summary>
    internal HotPostings(long budgetBytes = BudgetBytes)
    {
        this.budgetBytes = budgetBytes;
    }

    public static HotPostings For(AtomicReader reader) =>
        Segments.GetValue(reader.CoreCacheKey, _ => new HotPostings(Math.Min(BudgetBytes, reader.MaxDoc * BudgetBytesPerDocument)));

    /// <summary>Bytes held now (for tests and measurements).</summary>
    public long HeldBytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    /// <summary>
    /// A common word's documents and frequencies, decoded now from <paramref name="open"/> if not yet kept; null for a
    /// word in fewer than <see cref="MinDocFreq"/> listings and for a word asked for the first time, which the caller
    /// reads from the index as before.
    /// </summary>
    public Postings? Get(string field, BytesRef term, long docFreq, Func<DocsEnum?> open) => Get(field, term, docFreq, open, positions: false);

    /// <summary>As <see cref="Get(string, BytesRef, long, Func{DocsEnum?})"/>, with the word's positions too.</summary>
    public Postings? GetWithPositions(string field, BytesRef term, long docFreq, Func<DocsAndPositionsEnum?> open) =>
        Get(field, term, docFreq, open, positions: true);

    private Postings? Get(string field, BytesRef term, long docFreq, Func<DocsEnum?> open, bool positions)
    {
        // Thai letter pairs are in most listings each, and a phrase over them names many: they would push every word
        // out of the budget.
        if (docFreq < MinDocFreq || FieldNames.IsBigram(field))
        {
            return null;
        }

        lock (gate)
        {
            if (kept.TryGetValue((field, term), out var found) && (!positions || found.Positions is not null))
            {
                found.LastUse = ++clock;
                return found;
            }

            if (askedOnce.Count >= MaxAskedOnce)
            {
                askedOnce.Clear();
            }

            if (!askedOnce.Contains((field, term, positions)))
            {
                askedOnce.Add((field, BytesRef.DeepCopyOf(term), positions));
                return null;
            }
        }

        if (open() is not { } postings)
        {
            return null;
        }

        var decoded = Decode(postings, (int)docFreq, positions ? postings as DocsAndPositionsEnum : null);
        lock (gate)
        {
            var key = (field, term);
            if (kept.TryGetValue(key, out var raced))
            {
                if (!positions || raced.Positions is not null)
                {
                    return raced;
                }

                kept.Remove(key);
                bytes -= raced.Bytes;
            }

            decoded.LastUse = ++clock;
            kept[(field, BytesRef.DeepCopyOf(term))] = decoded;
            bytes += decoded.Bytes;
            if (bytes > budgetBytes)
            {
                EvictLocked();
            }
        }

        return decoded;
    }

    private static Postings Decode(DocsEnum postings, int docFreq, DocsAndPositionsEnum? withPositions)
    {
        var docs = new int[docFreq];
        var freqs = new int[docFreq];
        var starts = withPositions is null ? null : new int[docFreq];
        var positions = withPositions is null ? [] : new int[docFreq * 2];
        var count = 0;
        var stored = 0;
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            docs[count] = doc;
            var freq = freqs[count] = postings.Freq;
            if (withPositions is not null)
            {
                starts![count] = stored;
                if (stored + freq > positions.Length)
                {
                    Array.Resize(ref positions, Math.Max(positions.Length * 2, stored + freq));
                }

                for (var i = 0; i < freq; i++)
                {
                    positions[stored++] = withPositions.NextPosition();
                }
            }

            count++;
        }

        return new Postings(Trim(docs, count), Trim(freqs, count), starts is null ? null : Trim(starts, count),
            withPositions is null ? null : Trim(positions, stored));
    }

    private static int[] Trim(int[] values, int count) => values.Length == count ? values : values[..count];

    /// <summary>Drops the least recently used words until the rest fit the budget.</summary>
    private void EvictLocked()
    {
        foreach (var (key, postings) in kept.OrderBy(e => e.Value.LastUse).ToList())
        {
            if (bytes <= budgetBytes)
            {
                break;
            }

            kept.Remove(key);
            bytes -= postings.Bytes;
        }
    }
}
