using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Builds Lucene queries from parsed words, never from query syntax. Every word must match (in any field, as an
/// exact word, or for a Thai run as a substring); phrases, whole chunks and the words' proximity add score, so a
/// listing with "ข้อมูลสุขภาพ" outranks one that has "ข้อมูล" and "สุขภาพ" far apart.
/// </summary>
internal static class QueryBuilder
{
    private const float PhraseBoost = 1.5f;
    private const float ProximityBoost = 1f;
    private const float FuzzyDiscount = 0.4f;
    private const float BigramDiscount = 0.6f;
    private const float FieldTieBreaker = 0.2f;

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

    /// <summary>All words required (allWords) or, as the fallback, any word, ranked by how many and how rare.</summary>
    public static Query Build(ParsedQuery parsed, IndexReader reader, bool allWords)
    {
        var query = new BooleanQuery(disableCoord: false);
        var fuzzyBudget = 6;
        if (allWords)
        {
            foreach (var unit in parsed.Units)
            {
                query.Add(UnitQuery(unit, reader, ref fuzzyBudget), unit.IsOptional ? Occur.SHOULD : Occur.MUST);
            }
        }
        else
        {
            var words = parsed.Tokens.Where(t => !t.IsStopWord).DistinctBy(t => t.Plain).ToList();
            foreach (var token in words.Count > 0 ? words : parsed.Tokens.ToList())
            {
                query.Add(WordQuery(token, reader, ref fuzzyBudget), Occur.SHOULD);
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
            query.Add(Boosted(Phrases(tokens, slop: 3 * tokens.Count, includeBigrams: null), ProximityBoost), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Whether relaxing to "any word" could find something that "all words" did not.</summary>
    public static bool CanRelax(ParsedQuery parsed) => parsed.Tokens.Count(t => !t.IsStopWord) > 1;

    private static Query UnitQuery(QueryUnit unit, IndexReader reader, ref int fuzzyBudget)
    {
        if (unit.IsQuoted)
        {
            return PhraseQueries(unit);
        }

        if (unit.Tokens.Count == 1 && !unit.IsThaiRun)
        {
            return WordQuery(unit.Tokens[0], reader, ref fuzzyBudget);
        }

        var allWords = new BooleanQuery();
        foreach (var token in unit.Tokens)
        {
            allWords.Add(WordQuery(token, reader, ref fuzzyBudget), token.IsStopWord ? Occur.SHOULD : Occur.MUST);
        }

        // Either every word somewhere, or the chunk as a phrase / Thai substring, which also scores higher.
        var either = new BooleanQuery { { allWords, Occur.SHOULD }, { PhraseQueries(unit), Occur.SHOULD } };
        return either;
    }

    private static Query WordQuery(QueryToken token, IndexReader reader, ref int fuzzyBudget)
    {
        var fields = new DisjunctionMaxQuery(FieldTieBreaker);
        foreach (var (field, weight) in PlainFields)
        {
            fields.Add(Boosted(new TermQuery(new Term(field, token.Plain)), weight));
        }

        foreach (var (field, weight) in StemmedFields)
        {
            fields.Add(Boosted(new TermQuery(new Term(field, token.Stemmed)), weight));
        }

        if (fuzzyBudget > 0 && IsLikelyTypo(token, reader))
        {
            fuzzyBudget--;
            var corrections = TypoCorrector.Corrections(reader, PlainFields.Take(4).Select(f => f.Field), token.Plain)
                .Concat(TypoCorrector.Corrections(reader, StemmedFields.Take(3).Select(f => f.Field), token.Stemmed));
            foreach (var (term, similarity) in corrections)
            {
                fields.Add(Boosted(new TermQuery(term), Weight(term.Field) * FuzzyDiscount * similarity));
            }
        }

        return fields;
    }

    /// <summary>
    /// Fuzzy matching only for Latin words the index does not contain: a known word is not a typo, and fuzzing it
    /// would drag in neighbours ("data" → "date") and cost time on every query.
    /// </summary>
    private static bool IsLikelyTypo(QueryToken token, IndexReader reader)
    {
        if (!token.IsLatinWord || token.IsStopWord || token.Plain.Length < 4 || token.Plain.Length > 30)
        {
            return false;
        }

        return PlainFields.All(f => reader.DocFreq(new Term(f.Field, token.Plain)) == 0)
            && StemmedFields.All(f => reader.DocFreq(new Term(f.Field, token.Stemmed)) == 0);
    }

    private static float Weight(string field) =>
        PlainFields.Concat(StemmedFields).First(f => f.Field == field).Weight;

    private static Query PhraseQueries(QueryUnit unit) =>
        Boosted(Phrases(unit.Tokens, slop: 0, includeBigrams: unit.IsThaiRun ? unit.Text : null), PhraseBoost);

    private static DisjunctionMaxQuery Phrases(IReadOnlyList<QueryToken> tokens, int slop, string? includeBigrams)
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

        if (includeBigrams is not null)
        {
            foreach (var (field, weight) in BigramFields)
            {
                phrases.Add(Boosted(Phrase(field, Bigrams(includeBigrams), 0), weight * BigramDiscount));
            }
        }

        return phrases;
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
}
