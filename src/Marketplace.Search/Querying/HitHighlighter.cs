using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Marks matched words in a hit's title and picks a ~200-character snippet. Thai text is first marked with the
/// query's Thai-run bigram phrases, which marks exactly the substring typed ("ข้อมูลสุขภาพ" as one mark), however
/// ICU segmented the document. Otherwise the scorer gets a flat list of the terms the rewritten query searched —
/// fuzzy expansions included — so highlighting never re-runs phrase or fuzzy logic per hit.
/// </summary>
internal sealed class HitHighlighter
{
    public const int SnippetLength = 200;
    private const int MaxCharsToAnalyze = 4000;

    private readonly Analyzer analyzer;
    private readonly Dictionary<string, Query> termsByField;
    private readonly Dictionary<string, Query> bigramPhrasesByField;
    private readonly bool preferEnglish;

    public HitHighlighter(Analyzer analyzer, Query query, Query rewrittenQuery, bool preferEnglish)
    {
        this.analyzer = analyzer;
        this.preferEnglish = preferEnglish;
        var terms = new HashSet<Term>();
        rewrittenQuery.ExtractTerms(terms);
        termsByField = terms
            .Where(t => !FieldNames.IsBigram(t.Field))
            .GroupBy(t => t.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AnyOf(g.Select(t => new TermQuery(t))), StringComparer.Ordinal);
        bigramPhrasesByField = BigramPhrases(query)
            .GroupBy(p => p.GetTerms()[0].Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AnyOf(g.DistinctBy(p => p.ToString())), StringComparer.Ordinal);
    }

    public (string Html, bool Marked) Title(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (string.Empty, false);
        }

        var marked = (field == FieldNames.TitleTh ? Mark(bigramPhrasesByField, FieldNames.TitleBigrams, text, whole: true) : null)
            ?? Mark(termsByField, field, text, whole: true);
        return marked is null ? (Html.Escape(text), false) : (marked, true);
    }

    /// <summary>Thai summary and description first, unless the query is English; English when only it matched.</summary>
    public (string Html, bool English) Snippet(Document stored)
    {
        var thai = new[] { (FieldNames.SummaryTh, true), (FieldNames.DescriptionTh, true) };
        var english = new[] { (FieldNames.SummaryEn, false), (FieldNames.DescriptionEn, false) };
        foreach (var (field, isThai) in preferEnglish ? english.Concat(thai) : thai.Concat(english))
        {
            var text = stored.Get(field);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var marked = (isThai ? Mark(bigramPhrasesByField, FieldNames.BodyBigrams, text, whole: false) : null)
                ?? Mark(termsByField, field, text, whole: false);
            if (marked is not null)
            {
                return (marked, !isThai);
            }
        }

        return (Html.Escape(Excerpt(stored.Get(FieldNames.SummaryTh) ?? string.Empty)), false);
    }

    private static Query AnyOf(IEnumerable<Query> queries)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var clause in queries)
        {
            query.Add(clause, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The start of a text, cut at a space near the snippet length.</summary>
    public static string Excerpt(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        // Cut at a word start, which for Thai (few spaces) only ICU knows.
        var starts = ThaiAnalysis.WordStarts(text[..(SnippetLength + 1)]);
        var cut = starts.LastOrDefault(s => s > 0 && s <= SnippetLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : SnippetLength).TrimEnd(), "…");
    }

    private static IEnumerable<PhraseQuery> BigramPhrases(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Where(c => !c.IsProhibited).SelectMany(c => BigramPhrases(c.Query)),
        DisjunctionMaxQuery disjunction => disjunction.Disjuncts.SelectMany(BigramPhrases),
        PhraseQuery phrase when phrase.GetTerms() is [var first, ..] && FieldNames.IsBigram(first.Field) => [phrase],
        _ => [],
    };

    private string? Mark(Dictionary<string, Query> queries, string field, string text, bool whole)
    {
        if (!queries.TryGetValue(field, out var query))
        {
            return null;
        }

        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), Html.Encoder, scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, SnippetLength),
            MaxDocCharsToAnalyze = MaxCharsToAnalyze,
        };
        return highlighter.GetBestFragment(analyzer, field, text);
    }
}
