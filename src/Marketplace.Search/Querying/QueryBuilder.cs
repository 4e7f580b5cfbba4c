using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>How strictly the words must match.</summary>
internal enum MatchMode
{
    /// <summary>Every word, in any text of the listing.</summary>
    AllWords,

    /// <summary>Every word, or for a chunk typed as one Thai run, that run as a substring however it was segmented.</summary>
    AllWordsOrThaiRuns,

    /// <summary>Any word or Thai run: the fallback that returns the best partial matches.</summary>
    AnyWord,
}

/// <summary>
/// Builds Lucene queries from parsed words, never from query syntax, in two parts. The match query decides which
/// listings qualify and gives a first ranking from the combined field — one posting list per word, so a conjunction
/// of common words stays a plain term intersection. The scoring query re-ranks the best candidates with the field
/// weights, phrases, Thai runs and proximity, so a listing with "ข้อมูลสุขภาพ" outranks one with the words apart.
/// </summary>
internal sealed partial class QueryBuilder(IndexVocabulary vocabulary)
{
    // Typo lookups per query; a query of thirty unknown words is not a person misspelling.
    private const int MaxTypoWords = 4;
    private const float TypoDiscount = 0.4f;

    /// <summary>
    /// A chunk whose own words match this many listings or more already fills every page people read, and a listing
    /// found only through a word alternative scores half as much, so ranks below them all. Matching such alternatives
    /// would only walk more postings — at 100,000 listings a third of a search's time — so they are matched only
    /// below this; above it they still raise the score of the listings that have them. A province, sector or
    /// category alternative is always matched. No chunk in a catalogue smaller than this is affected.
    /// </summary>
    private const int AlternativesWidenBelow = 1_000;

    private readonly Dictionary<string, IReadOnlyList<(string Stem, float Similarity)>> corrections = new(StringComparer.Ordinal);
    private int typoLookups;

    /// <summary>
    /// Whether relaxing to "any word" could find something that "all words" did not. A quoted phrase asks for exactly
    /// that text, so a query with one is never relaxed.
    /// </summary>
    public static bool CanRelax(ParsedQuery parsed) => parsed.Tokens.Count(t => !t.IsStopWord) > 1 && !parsed.Units.Any(u => u.IsQuoted);

    public Query Match(ParsedQuery parsed, MatchMode mode)
    {
        var query = new BooleanQuery(disableCoord: mode != MatchMode.AnyWord);
        if (mode == MatchMode.AnyWord)
        {
            var words = parsed.Tokens.Where(t => !t.IsStopWord).DistinctBy(t => t.Stemmed).ToList();
            foreach (var token in words.Count > 0 ? words : parsed.Tokens.ToList())
            {
                query.Add(MatchWord(token), Occur.SHOULD);
            }

            foreach (var unit in parsed.Units.Where(u => u.IsThaiRun))
            {
                query.Add(BigramPhrase(unit.Text), Occur.SHOULD);
            }

            foreach (var expansion in parsed.Units.SelectMany(u => u.Expansions))
            {
                query.Add(MatchExpansion(expansion), Occur.SHOULD);
            }

            query.MinimumNumberShouldMatch = 1;
            return query;
        }

        // Stop words only add cost to matching (they are in nearly every listing); scoring still counts them.
        var required = parsed.Units.Where(u => !u.IsOptional).ToList();
        foreach (var unit in required.Count > 0 ? required : parsed.Units)
        {
            query.Add(MatchUnit(unit, mode == MatchMode.AllWordsOrThaiRuns), required.Count > 0 ? Occur.MUST : Occur.SHOULD);
        }

        return query;
    }

    private static BooleanQuery AnyOf(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var query in queries)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static PhraseQuery BigramPhrase(string thaiRun)
    {
        var phrase = new PhraseQuery();
        for (var i = 0; i + 2 <= thaiRun.Length; i++)
        {
            phrase.Add(new Term(FieldNames.Bigrams, thaiRun.Substring(i, 2)));
        }

        return phrase;
    }

    private static T Boosted<T>(T query, float boost)
        where T : Query
    {
        query.Boost = boost;
        return query;
    }

    private Query MatchUnit(QueryUnit unit, bool thaiRuns)
    {
        Query words;
        if (unit.IsQuoted)
        {
            words = Phrase(FieldNames.All, unit.Tokens.Select(t => t.Stemmed), 0);
        }
        else if (unit.Tokens.Count == 1 || unit.IsOptional)
        {
            words = unit.Tokens.Count == 1 ? MatchWord(unit.Tokens[0]) : AnyOf(unit.Tokens.Select(MatchWord));
        }
        else
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var token in unit.Tokens.Where(t => !t.IsStopWord))
            {
                all.Add(MatchWord(token), Occur.MUST);
            }

            words = all;
        }

        var literal = thaiRuns && unit.IsThaiRun ? AnyOf([words, BigramPhrase(unit.Text)]) : words;
        var alternatives = unit.Expansions.Where(e => e.Facet is not null || LiteralMatchesAtMost(unit) < AlternativesWidenBelow).ToList();
        return alternatives.Count == 0 ? literal : AnyOf(alternatives.Select(MatchExpansion).Prepend(literal));
    }

    /// <summary>An upper bound on the listings a chunk's own words match: its rarest word's count.</summary>
    private int LiteralMatchesAtMost(QueryUnit unit) => unit.Tokens.Where(t => !t.IsStopWord).DefaultIfEmpty(unit.Tokens[0])
        .Min(t => vocabulary.DocFreq(FieldNames.All, t.Stemmed));

    /// <summary>
    /// An alternative reading of a chunk: all its words, in the named province, sector or category when there is one. Alternatives are
    /// matched by words only — no typo correction, no bigram phrase — so a query's cost does not grow with its
    /// dictionary matches (bigram phrases over common Thai letters are the costliest clauses there are).
    /// </summary>
    private Query MatchExpansion(Expansion expansion)
    {
        Query? words = null;
        if (expansion.Words is { } unit)
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var token in unit.Tokens.Where(t => !t.IsStopWord).DistinctBy(t => t.Stemmed))
            {
                all.Add(vocabulary.Query(FieldNames.All, token.Stemmed), Occur.MUST);
            }

            words = all;
        }

        if (expansion.Facet is not { } facet)
        {
            return words!;
        }

        var inFacet = vocabulary.Query(facet.Field, facet.Value);
        return words is null ? inFacet : new BooleanQuery(disableCoord: true) { { words, Occur.MUST }, { inFacet, Occur.MUST } };
    }

    private Query MatchWord(QueryToken token)
    {
        var word = vocabulary.Query(FieldNames.All, token.Stemmed);
        var corrected = Corrections(token);
        if (corrected.Count == 0)
        {
            return word;
        }

        var forms = AnyOf([word]);
        foreach (var (stem, similarity) in corrected)
        {
            forms.Add(Boosted(vocabulary.Query(FieldNames.All, stem), TypoDiscount * similarity), Occur.SHOULD);
        }

        return forms;
    }

    /// <summary>Each misspelt word (as typed, lower-cased) and the indexed word most like it, for "showing results for".</summary>
    public IReadOnlyDictionary<string, string> BestCorrections =>
        corrections.Where(c => c.Value.Count > 0).ToDictionary(c => c.Key, c => c.Value[0].Stem, StringComparer.Ordinal);

    /// <summary>
    /// Typo correction only for Latin words the index does not contain: a known word is not a typo, and correcting
    /// it would drag in neighbours ("data" → "date") and cost time on every query.
    /// </summary>
    private IReadOnlyList<(string Stem, float Similarity)> Corrections(QueryToken token)
    {
        if (corrections.TryGetValue(token.Plain, out var known))
        {
            return known;
        }

        IReadOnlyList<(string, float)> found = [];
        if (token is { IsLatinWord: true, IsStopWord: false, Plain.Length: >= 4 and <= 30 } && typoLookups < MaxTypoWords
            && !vocabulary.Occurs(token.Stemmed))
        {
            typoLookups++;
            found = vocabulary.Corrections(token.Plain);
        }

        corrections[token.Plain] = found;
        return found;
    }
}
