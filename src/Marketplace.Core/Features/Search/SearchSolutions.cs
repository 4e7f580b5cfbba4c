using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// A search over published listings: the index ranks, filters, counts facets and highlights; the database
/// supplies the rest of each card. Used by the search page, the browse pages and the JSON API.
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

    public sealed class Handler(SearchIndexHost host, MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = host.Read(index => index.Search(request.Request with
            {
                PageSize = Math.Clamp(request.Request.PageSize, 1, MaxPageSize),
                PreferEnglish = request.Request.PreferEnglish || !Bi.IsThai,
            }));
            var ids = found.Hits.Select(h => h.Id).ToList();
            var rows = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Visibility == Visibility.Published)
                .Select(l => new { l.Id, l.Live, l.Vendor!.NameTh, l.Vendor.NameEn, l.Vendor.Slug })
                .ToDictionaryAsync(l => l.Id, cancellationToken);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            // A hit whose listing was hidden a moment ago (the index trails by up to a second) is left out.
            var items = found.Hits.Where(h => rows.ContainsKey(h.Id)).Select(h =>
            {
                var row = rows[h.Id];
                var c = row.Live!;
                return new Item(h.Id, h.Slug, c.TitleTh, c.TitleEn, c.SummaryTh, c.SummaryEn, row.NameTh, row.NameEn, row.Slug,
                    c.Sector.ToString(), c.Categories.ToList(), c.Provinces, h.TitleHtml, h.SnippetHtml, c.HasValidInnovationListing(today),
                    c.Maturity.ToString())
                { TitleEnHtml = h.TitleEnHtml };
            }).ToList();
            return new Result(found.Total, found.Page, found.PageSize, found.IsPartialMatch, items, found.Facets)
            {
                CorrectedQuery = found.CorrectedQuery,
                AlsoSearched = found.AlsoSearched,
                FullMatchCount = found.FullMatchCount,
                SuggestedQuery = found.SuggestedQuery,
            };
        }
    }
}
