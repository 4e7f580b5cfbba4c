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
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
        string VendorNameTh, string VendorNameEn, string VendorSlug, string Sector, IReadOnlyList<int> Categories,
        IReadOnlyList<string> Provinces, string TitleHtml, string SnippetHtml, bool Certified, string Maturity);

    public sealed class Handler(SearchIndexHost host, MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = host.Index.Search(request.Request with { PageSize = Math.Clamp(request.Request.PageSize, 1, MaxPageSize) });
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
                    c.Maturity.ToString());
            }).ToList();
            return new Result(found.Total, found.Page, found.PageSize, found.IsPartialMatch, items, found.Facets);
        }
    }
}
