using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>A query word as typed (lower-cased), as indexed (stemmed), and what kind of word it is.</summary>
internal sealed record QueryToken(string Plain, string Stemmed, bool IsThai, bool IsLatinWord, bool IsStopWord);

/// <summary>A space-separated chunk of the query, or a quoted phrase, with its words in order.</summary>
internal sealed record QueryUnit(string Text, IReadOnlyList<QueryToken> Tokens, bool IsQuoted)
{
    public bool IsOptional => !IsQuoted && Tokens.All(t => t.IsStopWord);

    /// <summary>
    /// A unit written as one unbroken run of Thai letters can also be matched as a Thai substring. Longer runs are
    /// pasted sentences: their words must still match, but not as one 40-bigram phrase.
    /// </summary>
    public bool IsThaiRun => Text.Length is >= 3 and <= 40 && ThaiAnalysis.IsAllThai(Text);

    /// <summary>What else this chunk may mean (abbreviation, spelling, other language, province): matched as alternatives, scored lower.</summary>
    public IReadOnlyList<Expansion> Expansions { get; init; } = [];
}

/// <summary>An alternative reading of a query chunk: other words, a facet value (province, sector, category), or both (words plus the facet the chunk named).</summary>
internal sealed record Expansion(QueryUnit? Words, FacetValue? Facet, DictionaryKind Kind);

/// <summary>
/// What a person typed, reduced to words and phrases. No operator syntax is interpreted, so no input can make
/// query construction fail: AND/OR/NOT are plain (stop) words, brackets and colons are separators, a lone quote
/// is ignored, control characters and broken surrogates are dropped, and the input is cut to a sane size.
/// </summary>
internal sealed class ParsedQuery
{
    public const int MaxInputLength = 500;
    public const int MaxTokens = 32;

    private ParsedQuery(IReadOnlyList<QueryUnit> units)
    {
        Units = units;
    }

    public IReadOnlyList<QueryUnit> Units { get; }

    public bool IsEmpty => Units.Count == 0;

    public IEnumerable<QueryToken> Tokens => Units.SelectMany(u => u.Tokens);

    public bool HasThai => Tokens.Any(t => t.IsThai);

    public bool HasLatin => Tokens.Any(t => !t.IsThai);

    /// <summary>The units typed as unbroken Thai runs: what the bigram field matches as substrings.</summary>
    public IReadOnlyList<string> ThaiRuns => Units.Where(u => u.IsThaiRun).Select(u => u.Text).Distinct().ToList();

    /// <summary>The Thai runs typed and those the dictionary expanded them to: what highlighting marks in Thai text.</summary>
    public IReadOnlyList<string> HighlightRuns => Units
        .SelectMany(u => u.Expansions.Select(e => e.Words).OfType<QueryUnit>().Prepend(u))
        .Where(u => u.IsThaiRun).Select(u => u.Text).Distinct().ToList();

    /// <param name="vocabulary">What the index holds, so alternatives that cannot match are left out; none keeps them all.</param>
    public static ParsedQuery Parse(string? input, Analyzer analyzer, SearchDictionary? dictionary = null, IndexVocabulary? vocabulary = null)
    {
        var units = new List<QueryUnit>();
        var tokenBudget = MaxTokens;
        // A repeated word or phrase adds nothing but cost.
        foreach (var (text, quoted) in Split(Clean(input)).Distinct())
        {
            var tokens = Analyze(analyzer, text, tokenBudget);
            if (tokens.Count == 0)
            {
                continue;
            }

            tokenBudget -= tokens.Count;
            units.Add(new QueryUnit(text, tokens, quoted));
            if (tokenBudget <= 0)
            {
                break;
            }
        }

        return new ParsedQuery(dictionary is null ? units : QueryExpander.Expand(units, dictionary, analyzer, vocabulary));
    }

    private static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(IsQuote(c) ? '"' : c);
            }
        }

        return builder.ToString();
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\uFF02';

    /// <summary>Quoted parts become phrases; the rest splits on white space. An unpaired quote is just a separator.</summary>
    private static IEnumerable<(string Text, bool Quoted)> Split(string text)
    {
        var quoteCount = text.Count(c => c == '"');
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && (i < parts.Length - 1 || quoteCount % 2 == 0);
            if (quoted)
            {
                yield return (parts[i].Trim(), true);
                continue;
            }

            foreach (var chunk in parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (chunk, false);
            }
        }
    }

    internal static List<QueryToken> Analyze(Analyzer analyzer, string text, int budget)
    {
        var tokens = new List<QueryToken>();
        if (text.Length == 0)
        {
            return tokens;
        }

        var plain = Terms(analyzer, FieldNames.Unstemmed, text, budget);
        // Only Latin words have a stemmed form; Thai text is not worth a second ICU pass.
        var stemmed = plain.All(w => ThaiAnalysis.ContainsThai(w)) ? plain : Terms(analyzer, FieldNames.All, text, budget);
        for (var i = 0; i < plain.Count; i++)
        {
            var word = plain[i];
            var isThai = ThaiAnalysis.ContainsThai(word);
            tokens.Add(new QueryToken(
                word,
                i < stemmed.Count ? stemmed[i] : word,
                isThai,
                !isThai && word.All(char.IsAsciiLetterLower),
                ThaiAnalysis.StopWords.Contains(word)));
        }

        return tokens;
    }

    internal static List<string> Terms(Analyzer analyzer, string field, string text, int budget)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < budget && stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
