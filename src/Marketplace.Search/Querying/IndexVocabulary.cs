using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// The words of one searcher's index, looked up once per search. Parsing asks which words occur (a dictionary
/// alternative with a word no listing has cannot match, so it is dropped before it costs a clause in every stage,
/// and a Latin word the index neither holds nor can correct may be a misspelt dictionary term); the query builder
/// takes each term's statistics from here. Without this, every TermQuery of every stage (match, relax, scoring)
/// seeks the term dictionary again with a new enumerator — at 100,000 listings a quarter of a search's garbage; and
/// a word sought once in a segment is not sought again by later searches (<see cref="SegmentTermStates"/>).
/// </summary>
internal sealed class IndexVocabulary(IndexReader reader) : IDisposable
{
    private readonly Dictionary<Term, TermContext> contexts = [];
    private readonly Dictionary<int, SegmentEnumerators> lent = [];
    private readonly Dictionary<string, IReadOnlyList<(string Stem, float Similarity)>> corrections = new(StringComparer.Ordinal);

    public IndexReader Reader => reader;

    /// <summary>Whether any listing has this stemmed word.</summary>
    public bool Occurs(string stem) => DocFreq(FieldNames.All, stem) > 0;

    /// <summary>Whether a listing has this stemmed word or one typo correction would reach one.</summary>
    public bool OccursOrCorrects(string stem) => Occurs(stem) || Corrections(stem).Count > 0;

    public int DocFreq(string field, string text) => Context(new Term(field, text)).DocFreq;

    /// <summary>How many of one segment's documents have the term, deleted ones included (its postings' cost); 0 where it is absent.</summary>
    public int DocFreq(AtomicReaderContext leaf, Term term) => Context(term).Get(leaf.Ord) switch
    {
        null => 0,
        BlockTermState state => state.DocFreq,
        _ => (int)(Docs(leaf, term)?.GetCost() ?? 0),
    };

    /// <summary>A term query that reuses this search's lookup of the term.</summary>
    public TermQuery Query(string field, string text)
    {
        var term = new Term(field, text);
        return new TermQuery(term, Context(term));
    }

    /// <summary>The indexed words closest to a misspelt Latin word (see <see cref="TypoCorrector"/>), looked up once per search.</summary>
    public IReadOnlyList<(string Stem, float Similarity)> Corrections(string word)
    {
        if (!corrections.TryGetValue(word, out var found))
        {
            found = TypoCorrector.Corrections(reader, word);
            corrections[word] = found;
        }

        return found;
    }

    /// <summary>As TermContext.Build, but from each segment's kept term states (<see cref="SegmentTermStates"/>).</summary>
    public TermContext Context(Term term)
    {
        if (contexts.TryGetValue(term, out var context))
        {
            return context;
        }

        context = new TermContext(reader.Context);
        foreach (var leaf in reader.Leaves)
        {
            var states = SegmentTermStates.For(leaf.AtomicReader);
            var found = states.TryGet(term, out var kept) ? kept : states.Seek(term, Enumerator(leaf, term.Field));
            if (found is not null)
            {
                context.Register(found.State, leaf.Ord, found.DocFreq, found.TotalTermFreq);
            }
        }

        contexts[term] = context;
        return context;
    }

    /// <summary>
    /// A term's postings with positions in one segment, from this search's enumerator; null where the term is absent.
    /// The enumerator is reused by the next call for the same segment, field and slot (a phrase's word number), so the
    /// caller finishes with one phrase before asking for the next.
    /// </summary>
    public DocsAndPositionsEnum? Positions(AtomicReaderContext leaf, Term term, int slot)
    {
        if (Context(term).Get(leaf.Ord) is not { } state || Enumerator(leaf, term.Field) is not { } terms)
        {
            return null;
        }

        terms.SeekExact(term.Bytes, state);
        return Enumerators(leaf).Positions(terms, term.Field, slot);
    }

    /// <summary>
    /// A term's postings with frequencies in one segment, skipping documents not in <paramref name="liveDocs"/> when
    /// given; null where the term is absent. The enumerator is reused by the next call for the same segment and field,
    /// so the caller finishes with one term before asking for the next.
    /// </summary>
    public DocsEnum? Docs(AtomicReaderContext leaf, Term term, IBits? liveDocs = null)
    {
        if (Context(term).Get(leaf.Ord) is not { } state || Enumerator(leaf, term.Field) is not { } terms)
        {
            return null;
        }

        terms.SeekExact(term.Bytes, state);
        return Enumerators(leaf).Docs(terms, term.Field, liveDocs);
    }

    /// <summary>Gives this search's enumerators back to their segments; nothing this vocabulary returned may be used afterwards.</summary>
    public void Dispose()
    {
        foreach (var enumerators in lent.Values)
        {
            enumerators.Return();
        }

        lent.Clear();
    }

    private TermsEnum? Enumerator(AtomicReaderContext leaf, string field) => Enumerators(leaf).Terms(leaf.AtomicReader, field);

    private SegmentEnumerators Enumerators(AtomicReaderContext leaf)
    {
        if (!lent.TryGetValue(leaf.Ord, out var enumerators))
        {
            enumerators = SegmentEnumerators.Rent(leaf.AtomicReader);
            lent[leaf.Ord] = enumerators;
        }

        return enumerators;
    }
}
