using Lucene.Net.Analysis;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Querying;

/// <summary>
/// Attaches dictionary alternatives to the chunks of a query. Latin terms are looked up by whole chunks (one to
/// four consecutive ones, longest first, compared stemmed: "water quality" = "Water qualities"); Thai terms are
/// found inside a chunk, since Thai is written without spaces, and the alternative replaces just that part
/// ("น้ำท่วมกทม." → "น้ำท่วมกรุงเทพมหานคร"). A province, sector or category name also yields "the rest of the
/// chunk, in that province (sector, category)".
/// </summary>
internal static class QueryExpander
{
    private const int MaxWindow = 4;
    // Each alternative adds clauses to every stage of the query: a few per chunk, a dozen per query, are plenty.
    private const int MaxPerUnit = 4;
    private const int MaxPerQuery = 12;

    public static IReadOnlyList<QueryUnit> Expand(IReadOnlyList<QueryUnit> units, SearchDictionary dictionary, Analyzer analyzer,
        IndexVocabulary? vocabulary = null)
    {
        var expanded = new List<QueryUnit>(units.Count);
        for (var i = 0; i < units.Count;)
        {
            var unit = units[i];
            if (unit.IsQuoted || unit.IsOptional)
            {
                expanded.Add(unit);
                i++;
                continue;
            }

            if (ThaiAnalysis.ContainsThai(unit.Text))
            {
                expanded.Add(unit with { Expansions = ThaiExpansions(unit, dictionary, analyzer, vocabulary) });
                i++;
                continue;
            }

            var (merged, taken) = LatinWindow(units, i, dictionary, analyzer, vocabulary);
            expanded.Add(merged);
            i += taken;
        }

        var budget = MaxPerQuery;
        return expanded.Select(u =>
        {
            var kept = u.Expansions.Take(Math.Max(0, budget)).ToList();
            budget -= kept.Count;
            return kept.Count == u.Expansions.Count ? u : u with { Expansions = kept };
        }).ToList();
    }

    private static (QueryUnit Unit, int Taken) LatinWindow(IReadOnlyList<QueryUnit> units, int start, SearchDictionary dictionary, Analyzer analyzer,
        IndexVocabulary? vocabulary)
    {
        for (var n = Math.Min(MaxWindow, units.Count - start); n >= 1; n--)
        {
            var window = units.Skip(start).Take(n).ToList();
            if (window.Any(u => u.IsQuoted || ThaiAnalysis.ContainsThai(u.Text)))
            {
                continue;
            }

            var senses = dictionary.LatinSenses(string.Join(' ', window.SelectMany(u => u.Tokens).Select(t => t.Stemmed)));
            if (senses.Count == 0)
            {
                continue;
            }

            var unit = n == 1 ? window[0] : new QueryUnit(string.Join(' ', window.Select(u => u.Text)), window.SelectMany(u => u.Tokens).ToList(), false);
            var expansions = Matchable(senses.SelectMany(sense => Alternatives(sense, string.Empty, string.Empty, analyzer)), vocabulary);
            return (unit with { Expansions = expansions }, n);
        }

        // A Latin word neither the index nor the dictionary knows may be a misspelt dictionary term ("transparancy"):
        // index typo correction cannot find it when only Thai listings say it.
        if (units[start] is { IsQuoted: false, Tokens: [{ IsLatinWord: true, IsStopWord: false } token] } single && vocabulary is not null
            && !vocabulary.OccursOrCorrects(token.Stemmed) && dictionary.ClosestLatinKey(token.Stemmed) is { } key)
        {
            var expansions = Matchable(dictionary.LatinSenses(key).SelectMany(sense => Alternatives(sense, string.Empty, string.Empty, analyzer))
                .Prepend(new Expansion(Words(key, analyzer), null, DictionaryKind.Variant)), vocabulary);
            return (single with { Expansions = expansions }, 1);
        }

        return (units[start], 1);
    }

    private static List<Expansion> ThaiExpansions(QueryUnit unit, SearchDictionary dictionary, Analyzer analyzer, IndexVocabulary? vocabulary)
    {
        var text = SearchDictionary.Surface(unit.Text);
        return Matchable(dictionary.ThaiSenses(unit.Text)
            .SelectMany(found => Alternatives(found.Sense, text[..found.Start], text[(found.Start + found.Length)..], analyzer)), vocabulary);
    }

    /// <summary>
    /// A chunk's first few alternatives that could match a listing: every word of one must be in the index (matching
    /// requires them all), and a term in two entries (a variant list and the glossary) must not spend two places.
    /// </summary>
    private static List<Expansion> Matchable(IEnumerable<Expansion> expansions, IndexVocabulary? vocabulary) => expansions
        .DistinctBy(e => (e.Facet, Words: e.Words is { } words ? string.Join(' ', words.Tokens.Select(t => t.Stemmed)) : null))
        .Where(e => vocabulary is null || e.Words is null || e.Words.Tokens.Where(t => !t.IsStopWord).All(t => vocabulary.Occurs(t.Stemmed)))
        .Take(MaxPerUnit)
        .ToList();

    /// <summary>
    /// For a province, sector or category, first the rest of the chunk there (a province may have many names, and
    /// the per-chunk limit must not cut the one alternative that says where); then the chunk with the found term
    /// replaced by each of its equivalents.
    /// </summary>
    private static IEnumerable<Expansion> Alternatives(Sense sense, string before, string after, Analyzer analyzer)
    {
        if (sense.Facet is { } facet)
        {
            yield return new Expansion(Words(before + " " + after, analyzer), facet, sense.Kind);
        }

        foreach (var other in sense.Others)
        {
            if (Words(ThaiAnalysis.ContainsThai(other) ? Join(before, other) + after : $"{before} {other} {after}", analyzer) is { } words)
            {
                yield return new Expansion(words, null, sense.Kind);
            }
        }
    }

    /// <summary>
    /// The rest of the chunk before a replaced term, then the alternative, written once where they overlap: "การ" +
    /// "การจัดซื้อ" (the alternative of "จัดซื้อจัดจ้าง" in "การจัดซื้อจัดจ้าง") is "การจัดซื้อ", not "การการจัดซื้อ".
    /// </summary>
    private static string Join(string before, string alternative)
    {
        for (var overlap = Math.Min(before.Length, alternative.Length); overlap >= 2; overlap--)
        {
            if (before.EndsWith(alternative[..overlap], StringComparison.Ordinal))
            {
                return before[..^overlap] + alternative;
            }
        }

        return before + alternative;
    }

    private static QueryUnit? Words(string text, Analyzer analyzer)
    {
        var trimmed = text.Trim();
        var tokens = ParsedQuery.Analyze(analyzer, trimmed, ParsedQuery.MaxTokens);
        return tokens.Any(t => !t.IsStopWord) ? new QueryUnit(trimmed, tokens, false) : null;
    }
}
