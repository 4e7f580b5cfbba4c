using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Marks matched words in a hit's title and picks a ~200-character snippet. Thai text is first marked with the Thai
/// runs as typed ("ข้อมูลสุขภาพ" as one mark, see <see cref="ThaiRunMarker"/>). Otherwise Lucene's Highlighter and
/// QueryTermScorer run with our analyzer (the indexed, stemmed chain) over a flat list of the words the scoring query
/// searched — typo corrections included — so highlighting never re-runs phrase logic per hit.
/// </summary>
internal sealed class HitHighlighter
{
    public const int SnippetLength = 200;
    private const int MaxCharsToAnalyze = 4000;

    private readonly Analyzer analyzer;
    private readonly QueryTermScorer scorer;
    private readonly string[] probes;
    private readonly IReadOnlyList<string> thaiRuns;
    private readonly bool preferEnglish;

    public HitHighlighter(Analyzer analyzer, Query rewrittenScoringQuery, IReadOnlyList<string> thaiRuns, bool preferEnglish)
    {
        this.analyzer = analyzer;
        this.thaiRuns = thaiRuns;
        this.preferEnglish = preferEnglish;
        var extracted = new HashSet<Term>();
        rewrittenScoringQuery.ExtractTerms(extracted);
        var words = extracted.Where(t => !FieldNames.IsBigram(t.Field)).Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        // The words are single terms, so the term scorer (its weighted terms taken once) marks what the span scorer
        // would; the span scorer re-extracted every term, as strings, for every text of every hit.
        scorer = new QueryTermScorer(words.Select(w => new WeightedTerm(1f, w)).ToArray());
        probes = words.Select(Probe).ToArray();
    }

    public string Title(string text, bool isThai)
    {
        var marked = (isThai ? ThaiRunMarker.Mark(text, thaiRuns, window: null) : null) ?? Mark(text, whole: true);
        return marked ?? Html.Escape(text);
    }

    /// <summary>Thai summary and description first, unless the query is English; English when only it matched.</summary>
    public (string Html, bool English) Snippet(HitText hit)
    {
        // Texts by number: summary, then description. Read through a switch rather than a list of delegates, which
        // cost six objects per hit; each description is still decoded only when reached.
        for (var text = 0; text < 2; text++)
        {
            if (Text(hit, english: false, text) is { Length: > 0 } value && ThaiRunMarker.Mark(value, thaiRuns, SnippetLength) is { } marked)
            {
                return (marked, false);
            }
        }

        for (var step = 0; step < 4; step++)
        {
            var english = preferEnglish == step < 2;
            if (Text(hit, english, step % 2) is { Length: > 0 } value && Mark(value, whole: false) is { } marked)
            {
                return (marked, english);
            }
        }

        // Nothing to mark (the words were in a tag or the other language): the summary in the query's language.
        return preferEnglish && hit.Card.SummaryEn is { Length: > 0 } summaryEn
            ? (Html.Escape(Excerpt(summaryEn)), true)
            : (Html.Escape(Excerpt(hit.Card.SummaryTh)), false);
    }

    /// <summary>The start of a text, cut at a word start near the snippet length.</summary>
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

    private static string? Text(HitText hit, bool english, int text) => (english, text) switch
    {
        (false, 0) => hit.Card.SummaryTh,
        (false, _) => hit.DescriptionTh,
        (true, 0) => hit.Card.SummaryEn,
        (true, _) => hit.DescriptionEn,
    };

    // A stem can be shorter than the word it came from ("study" from "studies"): probe with a shorter prefix.
    private static string Probe(string term) => term.Length <= 4 ? term : term[..Math.Max(4, term.Length - 2)];

    private string? Mark(string text, bool whole)
    {
        if (probes.Length == 0 || !MayContain(text, probes))
        {
            return null;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), Html.Encoder, scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(SnippetLength),
            MaxDocCharsToAnalyze = MaxCharsToAnalyze,
        };
        return highlighter.GetBestFragment(analyzer, FieldNames.All, text);
    }

    /// <summary>
    /// Analysing a text costs far more than scanning it: skip the Highlighter when no term (or its stem prefix) appears
    /// in the text — a Latin one only at the start of a word, so "ai" does not send every text with "maintain" through
    /// ICU. The scan ignores case but not accents (a rare missed mark on "café"), and allocates nothing: it runs for
    /// every text of every hit, and garbage per query decides how often a collection pauses all searches.
    /// </summary>
    private static bool MayContain(string text, string[] probes)
    {
        foreach (var probe in probes)
        {
            var latin = char.IsAsciiLetter(probe[0]) || char.IsAsciiDigit(probe[0]);
            var span = text.AsSpan();
            for (var offset = 0; offset < span.Length;)
            {
                var at = span[offset..].IndexOf(probe, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += offset;
                if (!latin || at == 0 || !char.IsLetterOrDigit(span[at - 1]))
                {
                    return true;
                }

                offset = at + 1;
            }
        }

        return false;
    }
}
