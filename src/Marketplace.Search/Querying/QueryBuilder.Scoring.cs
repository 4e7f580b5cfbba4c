using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// The scoring queries, applied to first-pass candidates only. Weights are layered on the combined field (1): the
/// title adds 3, the summary 1, and tags and vendor names take back 0.2 (<see cref="MetaPenalty"/>), so title >
/// summary > description > tags and vendor. Every term costs a dictionary seek per segment (microseconds to tens
/// of microseconds in Lucene.Net), which is why the layers reuse a few fields instead of one per text and language.
/// </summary>
internal sealed partial class QueryBuilder
{
    private const float PhraseBoost = 1.5f;
    private const float TitlePhraseBoost = 3f;
    private const float ProximityBoost = 1f;
    private const float BigramDiscount = 0.6f;

    // The Thai bigram field always counts a little, so a run the word breaker split differently still scores.
    private const float BigramBackgroundDiscount = 0.25f;

    /// <summary>A dictionary alternative counts for this share of the literal words it stands for.</summary>
    private const float ExpansionWeight = 0.5f;

    /// <summary>A province, sector or category named in the query raises listings deployed there or filed under it.</summary>
    private const float FacetBoost = 1f;

    /// <summary>The share of a tag or vendor-name match taken back, so those rank below the description.</summary>
    public const float MetaPenalty = 0.2f;

    private static readonly (string Field, float Weight)[] Weights =
        [(FieldNames.All, 1f), (FieldNames.Title, 3f), (FieldNames.Summary, 1f)];

    /// <summary>The words in tags and vendor names: scored, then subtracted with <see cref="MetaPenalty"/>.</summary>
    public Query ScoreMeta(ParsedQuery parsed)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var token in parsed.Tokens.DistinctBy(t => t.Stemmed))
        {
            query.Add(vocabulary.Query(FieldNames.Meta, token.Stemmed), Occur.SHOULD);
            foreach (var (stem, similarity) in Corrections(token))
            {
                query.Add(Boosted(vocabulary.Query(FieldNames.Meta, stem), TypoDiscount * similarity), Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>Scores a listing that already matched; every clause is optional. Thai runs count when matching used them.</summary>
    public Query Score(ParsedQuery parsed, bool thaiRuns)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var token in parsed.Tokens.DistinctBy(t => t.Stemmed))
        {
            query.Add(ScoreWord(token), Occur.SHOULD);
        }

        // Slop 1, not 0: Lucene.Net's exact-phrase scorer evaluates positions for a whole 4,096-document window on
        // every advance, which made re-scoring fifty candidates five times slower than with the sloppy scorer.
        foreach (var unit in parsed.Units.Where(u => u.Tokens.Count > 1))
        {
            var stems = unit.Tokens.Select(t => t.Stemmed).ToList();
            query.Add(Boosted(Phrase(FieldNames.All, stems, 1), PhraseBoost), Occur.SHOULD);
            query.Add(Boosted(Phrase(FieldNames.Title, stems, 1), TitlePhraseBoost), Occur.SHOULD);
        }

        foreach (var unit in parsed.Units.Where(u => u.IsThaiRun))
        {
            var bigrams = BigramPhrase(unit.Text);
            bigrams.Slop = 1;
            query.Add(Boosted(bigrams, PhraseBoost * (thaiRuns ? BigramDiscount : BigramBackgroundDiscount)), Occur.SHOULD);
        }

        var literal = parsed.Tokens.Select(t => t.Stemmed).ToHashSet(StringComparer.Ordinal);
        foreach (var expansion in parsed.Units.SelectMany(u => u.Expansions))
        {
            AddExpansion(query, expansion, literal);
        }

        var tokens = parsed.Tokens.ToList();
        if (parsed.Units.Count > 1 && tokens.Count > 1)
        {
            query.Add(Boosted(Phrase(FieldNames.All, tokens.Select(t => t.Stemmed), 3 * tokens.Count), ProximityBoost), Occur.SHOULD);
        }

        return query;
    }

    private void AddExpansion(BooleanQuery query, Expansion expansion, HashSet<string> literal)
    {
        if (expansion.Facet is { } facet)
        {
            query.Add(Boosted(new ConstantScoreQuery(vocabulary.Query(facet.Field, facet.Value)), FacetBoost), Occur.SHOULD);
        }

        if (expansion.Words is not { } unit)
        {
            return;
        }

        foreach (var token in unit.Tokens.Where(t => !t.IsStopWord && !literal.Contains(t.Stemmed)).DistinctBy(t => t.Stemmed))
        {
            var fields = new BooleanQuery(disableCoord: true);
            AddWord(fields, token.Stemmed, 1f);
            query.Add(Boosted(fields, ExpansionWeight), Occur.SHOULD);
        }

        if (unit.Tokens.Count > 1)
        {
            query.Add(Boosted(Phrase(FieldNames.All, unit.Tokens.Select(t => t.Stemmed), 1), PhraseBoost * ExpansionWeight), Occur.SHOULD);
        }
    }

    private BooleanQuery ScoreWord(QueryToken token)
    {
        var fields = new BooleanQuery(disableCoord: true);
        AddWord(fields, token.Stemmed, 1f);
        foreach (var (stem, similarity) in Corrections(token))
        {
            AddWord(fields, stem, TypoDiscount * similarity);
        }

        return fields;
    }

    private void AddWord(BooleanQuery fields, string stem, float factor)
    {
        foreach (var (field, weight) in Weights)
        {
            fields.Add(Boosted(vocabulary.Query(field, stem), weight * factor), Occur.SHOULD);
        }
    }
}
