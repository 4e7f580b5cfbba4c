using Lucene.Net.Analysis;
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
/// listings qualify and gives a first ranking from the combined fields — two posting lists per word — so it stays
/// cheap for words found in most listings. The scoring query re-ranks the best candidates with the field weights,
/// phrases, Thai runs and proximity, so a listing with "ข้อมูลสุขภาพ" outranks one with the two words apart.
/// </summary>
internal sealed partial class QueryBuilder(IndexReader reader, Analyzer analyzer)
{
    // Typo lookups per query; a query of thirty unknown words is not a person misspelling.
    private const int MaxTypoWords = 4;
    private const float TypoDiscount = 0.4f;

    private readonly Dictionary<string, IReadOnlyList<(string Stem, float Similarity)>> corrections = new(StringComparer.Ordinal);
    private int typoLookups;

    /// <summary>Whether relaxing to "any word" could find something that "all words" did not.</summary>
    public static bool CanRelax(ParsedQuery parsed) => parsed.Tokens.Count(t => !t.IsStopWord) > 1;

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
            var stems = unit.Tokens.Select(t => t.Stemmed).ToList();
            words = AnyOf([Phrase(FieldNames.All, stems, 0), Phrase(FieldNames.Meta, stems, 0)]);
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

        return thaiRuns && unit.IsThaiRun ? AnyOf([words, BigramPhrase(unit.Text)]) : words;
    }

    private BooleanQuery MatchWord(QueryToken token)
    {
        var forms = AnyOf([new TermQuery(new Term(FieldNames.All, token.Stemmed)), new TermQuery(new Term(FieldNames.Meta, token.Stemmed))]);
        foreach (var (stem, similarity) in Corrections(token))
        {
            forms.Add(Boosted(new TermQuery(new Term(FieldNames.All, stem)), TypoDiscount * similarity), Occur.SHOULD);
            forms.Add(Boosted(new TermQuery(new Term(FieldNames.Meta, stem)), TypoDiscount * similarity), Occur.SHOULD);
        }

        return forms;
    }

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
            && reader.DocFreq(new Term(FieldNames.Spelling, token.Plain)) == 0)
        {
            typoLookups++;
            found = TypoCorrector.Corrections(reader, token.Plain)
                .Select(c => (ParsedQuery.Stem(analyzer, c.Word), c.Similarity))
                .DistinctBy(c => c.Item1)
                .ToList();
        }

        corrections[token.Plain] = found;
        return found;
    }
}
