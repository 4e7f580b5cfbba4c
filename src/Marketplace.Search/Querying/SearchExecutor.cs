using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Runs one search request against one searcher snapshot. Matching is staged, cheapest first: every word; then, if
/// that finds less than a page, Thai runs as substrings too (a bigram phrase over common Thai letters is the costliest
/// clause there is, and only rescues listings segmented differently from the query); then, if nothing matched, any
/// word. Relevance order comes from re-scoring the best first-pass candidates with the field-weighted query.
/// </summary>
internal static class SearchExecutor
{
    public const int MaxPageSize = 100;

    // Deep paging costs a priority queue of page × size entries; nobody reads result 10,001.
    public const int MaxWindow = 10_000;

    // Relevance re-scores at least this many first-pass candidates with field weights and phrases, to fill the page.
    private const int RescoreDepth = 50;

    private const int ThaiRunThreshold = 20;

    // Listings that match every word stay above those that match some when a short result is topped up.
    private const float FullMatchTier = 1000f;

    private const int MaxAlsoSearched = 6;

    public static SearchResult Run(IndexSearcher searcher, Analyzer analyzer, SearchDictionary dictionary, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var window = (int)Math.Min((long)page * pageSize, MaxWindow);
        var skip = (int)Math.Min((long)(page - 1) * pageSize, MaxWindow);
        var dimensions = FacetDimension.From(request);
        var reader = searcher.IndexReader;
        using var vocabulary = new IndexVocabulary(reader);
        var parsed = ParsedQuery.Parse(request.Query, analyzer, dictionary, vocabulary);

        if (parsed.IsEmpty)
        {
            return BrowseCache.GetOrCompute(reader, request, () =>
            {
                var sort = request.Sort == SearchSort.Relevance ? SearchSort.Newest : request.Sort;
                var all = Execute(searcher, null, new MatchAllDocsQuery(), dimensions, sort, window);
                return Result(searcher, all.Top, all, null, page, pageSize, skip, partial: false);
            });
        }

        var builder = new QueryBuilder(vocabulary);
        var fullMatch = builder.Match(parsed, MatchMode.AllWords);
        var matched = Execute(searcher, vocabulary, fullMatch, dimensions, request.Sort, window);
        var thaiRuns = matched.Total < ThaiRunThreshold && parsed.ThaiRuns.Count > 0;
        if (thaiRuns)
        {
            fullMatch = builder.Match(parsed, MatchMode.AllWordsOrThaiRuns);
            matched = Execute(searcher, vocabulary, fullMatch, dimensions, request.Sort, window);
        }

        // Fewer full matches than a page: top the page up with listings that match some of the words, ranked below.
        var relaxed = false;
        var fullMatches = matched.Total;
        if (matched.Total < pageSize && QueryBuilder.CanRelax(parsed))
        {
            var any = Execute(searcher, vocabulary, builder.Match(parsed, MatchMode.AnyWord), dimensions, request.Sort, window);
            relaxed = any.Total > matched.Total;
            matched = relaxed ? any : matched;
        }

        var scoring = searcher.Rewrite(builder.Score(parsed, thaiRuns || relaxed));
        List<(Query, float)> parts = [(scoring, 1f), (builder.ScoreMeta(parsed), -QueryBuilder.MetaPenalty)];
        if (relaxed && fullMatches > 0)
        {
            parts.Add((new ConstantScoreQuery(fullMatch), FullMatchTier));
        }

        var top = request.Sort == SearchSort.Relevance ? CandidateRescorer.Rescore(searcher, vocabulary, matched.Top, parts, window) : matched.Top;
        var highlighter = new HitHighlighter(analyzer, scoring, parsed.HighlightRuns,
            preferEnglish: request.PreferEnglish || (parsed.HasLatin && !parsed.HasThai));
        return Result(searcher, top, matched, highlighter, page, pageSize, skip, relaxed && fullMatches == 0) with
        {
            FullMatchCount = fullMatches,
            CorrectedQuery = Corrected(request.Query!, builder.BestCorrections),
            SuggestedQuery = matched.Total == 0 ? Suggested(reader, parsed) : null,
            AlsoSearched = parsed.Units.SelectMany(u => u.Expansions).Select(e => e.Words?.Text).OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAlsoSearched).ToList(),
        };
    }

    /// <summary>
    /// For an empty result: the query with each Thai word that no listing has replaced by the closest indexed word
    /// ("โรงพยบาล" → "โรงพยาบาล"); Latin words were already corrected while searching. Null when nothing is close.
    /// </summary>
    private static string? Suggested(IndexReader reader, ParsedQuery parsed)
    {
        var changed = false;
        var words = parsed.Units.Select(unit =>
        {
            if (unit.IsQuoted || !unit.IsThaiRun || reader.DocFreq(new Term(FieldNames.All, unit.Text)) > 0
                || TypoCorrector.ThaiCorrections(reader, unit.Text) is not [var (best, _), ..])
            {
                return unit.Text;
            }

            changed = true;
            return best;
        }).ToList();
        return changed ? string.Join(' ', words) : null;
    }

    private static string? Corrected(string query, IReadOnlyDictionary<string, string> corrections)
    {
        if (corrections.Count == 0)
        {
            return null;
        }

        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => corrections.TryGetValue(w.ToLowerInvariant(), out var better) ? better : w);
        return string.Join(' ', words);
    }

    private static Execution Execute(IndexSearcher searcher, IndexVocabulary? vocabulary, Query query, IReadOnlyList<FacetDimension> dimensions, SearchSort sort, int window)
    {
        ICollector top;
        Func<TopDocs> topDocs;
        switch (sort)
        {
            case SearchSort.Newest:
                var newest = new NewestCollector(window);
                (top, topDocs) = (newest, newest.TopDocs);
                break;
            case SearchSort.Name:
                var byName = TopFieldCollector.Create(new Sort(new SortField(FieldNames.NameSort, SortFieldType.STRING),
                    new SortField(FieldNames.Published, SortFieldType.INT64, true)), window, false, true, false, false);
                (top, topDocs) = (byName, byName.GetTopDocs);
                break;
            default:
                var best = new RelevanceCollector(Math.Max(window, RescoreDepth));
                (top, topDocs) = (best, best.TopDocs);
                break;
        }

        var collector = new DrillSidewaysCollector(top, dimensions);
        if (vocabulary is null || !PostingListMatcher.TrySearch(searcher, vocabulary, query, collector))
        {
            searcher.Search(query, collector);
        }

        return new Execution(topDocs(), collector.TotalHits, collector.Facets());
    }

    private static SearchResult Result(IndexSearcher searcher, TopDocs top, Execution execution, HitHighlighter? highlighter,
        int page, int pageSize, int skip, bool partial)
    {
        var hits = top.ScoreDocs.Skip(skip).Take(pageSize).Select(d => Hit(new HitText(searcher, d.Doc), d.Score, highlighter)).ToList();
        return new SearchResult(execution.Total, page, pageSize, hits, execution.Facets) { IsPartialMatch = partial };
    }

    private static SearchHit Hit(HitText text, float score, HitHighlighter? highlighter)
    {
        var card = text.Card;
        score = float.IsNaN(score) ? 0 : score;
        if (highlighter is null)
        {
            var excerpt = HitHighlighter.Excerpt(card.SummaryTh);
            return new SearchHit(card.Id, card.Slug, score, Html.Escape(card.TitleTh), Html.Escape(excerpt))
            {
                Listing = card.Summary,
                TitleEnHtml = card.TitleEn is null ? null : Html.Escape(card.TitleEn),
            };
        }

        var (snippet, english) = highlighter.Snippet(text);
        return new SearchHit(card.Id, card.Slug, score, highlighter.Title(card.TitleTh, isThai: true), snippet)
        {
            Listing = card.Summary,
            TitleEnHtml = card.TitleEn is null ? null : highlighter.Title(card.TitleEn, isThai: false),
            SnippetIsEnglish = english,
        };
    }

    private sealed record Execution(TopDocs Top, int Total, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
}
