using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Builds Lucene queries from parsed words, never from query syntax. Every word must match (in any field, as an
/// exact word, or for a Thai run as a substring); phrases, whole chunks and the words' proximity add score, so a
/// listing with "ข้อมูลสุขภาพ" outranks one that has "ข้อมูล" and "สุขภาพ" far apart.
/// </summary>
internal sealed class QueryBuilder(IndexReader reader, Analyzer analyzer)
{
    private const float PhraseBoost = 1.5f;
    private const float ProximityBoost = 1f;
    private const float TypoDiscount = 0.4f;
    private const float BigramDiscount = 0.6f;
    private const float FieldTieBreaker = 0.2f;

    // Typo lookups per query; a query of thirty unknown words is not a person misspelling.
    private const int MaxTypoWords = 4;

    private static readonly (string Field, float Weight)[] PlainFields =
    [
        (FieldNames.TitleTh, 4f), (FieldNames.SummaryTh, 2f), (FieldNames.DescriptionTh, 1f),
        (FieldNames.Tags, 0.8f), (FieldNames.VendorTh, 0.8f),
    ];

    private static readonly (string Field, float Weight)[] StemmedFields =
    [
        (FieldNames.TitleEn, 4f), (FieldNames.SummaryEn, 2f), (FieldNames.DescriptionEn, 1f), (FieldNames.VendorEn, 0.8f),
    ];

    private static readonly (string Field, float Weight)[] BigramFields =
        [(FieldNames.TitleBigrams, 3f), (FieldNames.BodyBigrams, 1.2f)];

    private int typoWordsLeft;

    /// <summary>Whether relaxing to "any word" could find something that "all words" did not.</summary>
    public static bool CanRelax(ParsedQuery parsed) => parsed.Tokens.Count(t => !t.IsStopWord) > 1;

    /// <summary>All words required (allWords) or, as the fallback, any word, ranked by how many and how rare.</summary>
    public Query Build(ParsedQuery parsed, bool allWords)
    {
        typoWordsLeft = MaxTypoWords;
        var query = new BooleanQuery(disableCoord: false);
        if (allWords)
        {
            foreach (var unit in parsed.Units)
            {
                query.Add(UnitQuery(unit), unit.IsOptional ? Occur.SHOULD : Occur.MUST);
            }
        }
        else
        {
            var words = parsed.Tokens.Where(t => !t.IsStopWord).DistinctBy(t => t.Plain).ToList();
            foreach (var token in words.Count > 0 ? words : parsed.Tokens.ToList())
            {
                query.Add(WordQuery(token), Occur.SHOULD);
            }

            foreach (var unit in parsed.Units.Where(u => u.Tokens.Count > 1 || u.IsThaiRun))
            {
                query.Add(PhraseQueries(unit), Occur.SHOULD);
            }

            query.MinimumNumberShouldMatch = 1;
        }

        var tokens = parsed.Tokens.ToList();
        if (parsed.Units.Count > 1 && tokens.Count > 1)
        {
            query.Add(Boosted(Phrases(tokens, slop: 3 * tokens.Count, thaiRun: null), ProximityBoost), Occur.SHOULD);
        }

        return query;
    }

    private static DisjunctionMaxQuery Phrases(IReadOnlyList<QueryToken> tokens, int slop, string? thaiRun)
    {
        var phrases = new DisjunctionMaxQuery(FieldTieBreaker);
        foreach (var (field, weight) in PlainFields)
        {
            phrases.Add(Boosted(Phrase(field, tokens.Select(t => t.Plain), slop), weight));
        }

        if (tokens.Any(t => !t.IsThai))
        {
            foreach (var (field, weight) in StemmedFields)
            {
                phrases.Add(Boosted(Phrase(field, tokens.Select(t => t.Stemmed), slop), weight));
            }
        }

        if (thaiRun is not null)
        {
            foreach (var (field, weight) in BigramFields)
            {
                phrases.Add(Boosted(Phrase(field, Bigrams(thaiRun), 0), weight * BigramDiscount));
            }
        }

        return phrases;
    }

    private static Query PhraseQueries(QueryUnit unit) =>
        Boosted(Phrases(unit.Tokens, slop: 0, thaiRun: unit.IsThaiRun ? unit.Text : null), PhraseBoost);

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static IEnumerable<string> Bigrams(string thaiRun)
    {
        for (var i = 0; i + 2 <= thaiRun.Length; i++)
        {
            yield return thaiRun.Substring(i, 2);
        }
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private Query UnitQuery(QueryUnit unit)
    {
        if (unit.IsQuoted)
        {
            return PhraseQueries(unit);
        }

        if (unit.Tokens.Count == 1 && !unit.IsThaiRun)
        {
            return WordQuery(unit.Tokens[0]);
        }

        var allWords = new BooleanQuery();
        foreach (var token in unit.Tokens)
        {
            allWords.Add(WordQuery(token), token.IsStopWord ? Occur.SHOULD : Occur.MUST);
        }

        // Either every word somewhere, or the chunk as a phrase / Thai substring, which also scores higher.
        return new BooleanQuery { { allWords, Occur.SHOULD }, { PhraseQueries(unit), Occur.SHOULD } };
    }

    private DisjunctionMaxQuery WordQuery(QueryToken token)
    {
        var fields = new DisjunctionMaxQuery(FieldTieBreaker);
        AddWord(fields, token.Plain, token.Stemmed, 1f);
        if (typoWordsLeft > 0 && IsLikelyTypo(token))
        {
            typoWordsLeft--;
            foreach (var (word, similarity) in TypoCorrector.Corrections(reader, token.Plain))
            {
                AddWord(fields, word, ParsedQuery.Stem(analyzer, word), TypoDiscount * similarity);
            }
        }

        return fields;
    }

    private static void AddWord(DisjunctionMaxQuery fields, string plain, string stemmed, float factor)
    {
        foreach (var (field, weight) in PlainFields)
        {
            fields.Add(Boosted(new TermQuery(new Term(field, plain)), weight * factor));
        }

        foreach (var (field, weight) in StemmedFields)
        {
            fields.Add(Boosted(new TermQuery(new Term(field, stemmed)), weight * factor));
        }
    }

    /// <summary>
    /// Typo correction only for Latin words the index does not contain: a known word is not a typo, and correcting
    /// it would drag in neighbours ("data" → "date") and cost time on every query.
    /// </summary>
    private bool IsLikelyTypo(QueryToken token) =>
        token is { IsLatinWord: true, IsStopWord: false, Plain.Length: >= 4 and <= 30 }
        && reader.DocFreq(new Term(FieldNames.Spelling, token.Plain)) == 0;
}
