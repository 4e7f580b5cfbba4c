using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>Runs one search request against one searcher snapshot: query, fallback, filters, facets, sort, page, highlights.</summary>
internal static class SearchExecutor
{
    public const int MaxPageSize = 100;

    // Deep paging costs a priority queue of page × size entries; nobody reads result 10,001.
    public const int MaxWindow = 10_000;

    public static SearchResult Run(IndexSearcher searcher, Analyzer analyzer, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, request.Page);
        var window = (int)Math.Min((long)page * pageSize, MaxWindow);
        var skip = (int)Math.Min((long)(page - 1) * pageSize, MaxWindow);
        var dimensions = FacetDimension.From(request);
        var parsed = ParsedQuery.Parse(request.Query, analyzer);

        if (parsed.IsEmpty)
        {
            var sort = request.Sort == SearchSort.Relevance ? SearchSort.Newest : request.Sort;
            var all = Execute(searcher, new MatchAllDocsQuery(), dimensions, sort, window);
            return Result(searcher, all, null, page, pageSize, skip, partial: false);
        }

        var builder = new QueryBuilder(searcher.IndexReader, analyzer);
        var strict = Execute(searcher, builder.Build(parsed, allWords: true), dimensions, request.Sort, window);
        if (strict.Total > 0 || !QueryBuilder.CanRelax(parsed))
        {
            return Result(searcher, strict, Highlighter(analyzer, strict, parsed), page, pageSize, skip, partial: false);
        }

        var relaxed = Execute(searcher, builder.Build(parsed, allWords: false), dimensions, request.Sort, window);
        return Result(searcher, relaxed, Highlighter(analyzer, relaxed, parsed), page, pageSize, skip, partial: relaxed.Total > 0);
    }

    private static HitHighlighter Highlighter(Analyzer analyzer, Execution execution, ParsedQuery parsed) =>
        new(analyzer, execution.Rewritten, parsed.ThaiRuns, preferEnglish: parsed.HasLatin && !parsed.HasThai);

    private static Execution Execute(IndexSearcher searcher, Query query, IReadOnlyList<FacetDimension> dimensions, SearchSort sort, int window)
    {
        var rewritten = searcher.Rewrite(query);
        ITopDocsCollector top = sort switch
        {
            SearchSort.Newest => TopFieldCollector.Create(
                new Sort(new SortField(FieldNames.Published, SortFieldType.INT64, true)), window, false, true, false, true),
            SearchSort.Name => TopFieldCollector.Create(
                new Sort(new SortField(FieldNames.NameSort, SortFieldType.STRING), new SortField(FieldNames.Published, SortFieldType.INT64, true)),
                window, false, true, false, true),
            _ => TopScoreDocCollector.Create(window, true),
        };
        var collector = new DrillSidewaysCollector(top, dimensions);
        searcher.Search(rewritten, collector);
        return new Execution(rewritten, top.GetTopDocs(), collector.TotalHits, collector.Facets());
    }

    private static SearchResult Result(IndexSearcher searcher, Execution execution, HitHighlighter? highlighter,
        int page, int pageSize, int skip, bool partial)
    {
        var hits = new List<SearchHit>();
        foreach (var scoreDoc in execution.Top.ScoreDocs.Skip(skip).Take(pageSize))
        {
            var stored = searcher.Doc(scoreDoc.Doc);
            hits.Add(Hit(stored, scoreDoc.Score, highlighter));
        }

        return new SearchResult(execution.Total, page, pageSize, hits, execution.Facets) { IsPartialMatch = partial };
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document stored, float score, HitHighlighter? highlighter)
    {
        var id = int.Parse(stored.Get(FieldNames.Id), CultureInfo.InvariantCulture);
        var slug = stored.Get(FieldNames.Slug) ?? string.Empty;
        var titleTh = stored.Get(FieldNames.TitleTh) ?? string.Empty;
        var titleEn = stored.Get(FieldNames.TitleEn);
        if (highlighter is null)
        {
            var excerpt = HitHighlighter.Excerpt(stored.Get(FieldNames.SummaryTh) ?? string.Empty);
            return new SearchHit(id, slug, float.IsNaN(score) ? 0 : score, Html.Escape(titleTh), Html.Escape(excerpt))
            {
                TitleEnHtml = titleEn is null ? null : Html.Escape(titleEn),
            };
        }

        var (snippet, english) = highlighter.Snippet(stored);
        return new SearchHit(id, slug, float.IsNaN(score) ? 0 : score, highlighter.Title(FieldNames.TitleTh, titleTh), snippet)
        {
            TitleEnHtml = titleEn is null ? null : highlighter.Title(FieldNames.TitleEn, titleEn),
            SnippetIsEnglish = english,
        };
    }

    private sealed record Execution(Query Rewritten, TopDocs Top, int Total,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
}
