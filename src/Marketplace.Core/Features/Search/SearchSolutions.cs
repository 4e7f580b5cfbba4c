using Marketplace.Core.Common;
using Marketplace.Search;
using MediatR;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// A search over published listings: the index ranks, filters, counts facets, highlights and holds each card's
/// fields, so a search costs no database query however large the catalogue. Used by the search page, the browse pages and the JSON API.
/// </summary>
public static class SearchSolutions
{
    public const int MaxPageSize = 100;

    public sealed record Query(SearchRequest Request) : IRequest<Result>;

    public sealed record Result(int Total, int Page, int PageSize, bool IsPartialMatch, IReadOnlyList<Item> Items,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
    {
        /// <summary>The query with misspelt words corrected, when the search used corrections ("showing results for").</summary>
        public string? CorrectedQuery { get; init; }

        /// <summary>Full forms, other spellings and other-language terms the dictionaries added to the search.</summary>
        public IReadOnlyList<string> AlsoSearched { get; init; } = [];

        /// <summary>For an empty result, a spelling of the query that the catalogue has ("did you mean").</summary>
        public string? SuggestedQuery { get; init; }

        /// <summary>How many results match every word; those after it match some.</summary>
        public int FullMatchCount { get; init; }
    }

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
        string VendorNameTh, string VendorNameEn, string VendorSlug, string Sector, IReadOnlyList<int> Categories,
        IReadOnlyList<string> Provinces, string TitleHtml, string SnippetHtml, bool Certified, string Maturity)
    {
        /// <summary>The English title with matched words marked, when the listing has one (English pages show it).</summary>
        public string? TitleEnHtml { get; init; }
    }

    public sealed class Handler(SearchIndexHost host, IClock clock) : IRequestHandler<Query, Result>
    {
        public Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = host.Read(index => index.Search(request.Request with
            {
                PageSize = Math.Clamp(request.Request.PageSize, 1, MaxPageSize),
                PreferEnglish = request.Request.PreferEnglish || !Bi.IsThai,
            }));
            // Everything a card shows is in the index, which holds only published listings (a hidden one is deleted from
            // it when the change log is applied, within the same second as an approval appears): no per-search query.
            var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
            var items = found.Hits.Where(h => h.Listing is not null).Select(h =>
            {
                var c = h.Listing!;
                return new Item(h.Id, h.Slug, c.TitleTh, c.TitleEn, c.SummaryTh, c.SummaryEn, c.VendorNameTh, c.VendorNameEn ?? c.VendorNameTh,
                    c.VendorSlug, c.Sector, c.Categories, c.Provinces, h.TitleHtml, h.SnippetHtml, c.IsCertifiedOn(today), c.Maturity)
                { TitleEnHtml = h.TitleEnHtml };
            }).ToList();
            return Task.FromResult(new Result(found.Total, found.Page, found.PageSize, found.IsPartialMatch, items, found.Facets)
            {
                CorrectedQuery = found.CorrectedQuery,
                AlsoSearched = found.AlsoSearched,
                FullMatchCount = found.FullMatchCount,
                SuggestedQuery = found.SuggestedQuery,
            });
        }
    }
}
