using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>Published listings by sector, category, province or vendor, newest first, a page at a time.</summary>
public static class BrowseListings
{
    public const int MaxPageSize = 100;

    public sealed record Query(Sector? Sector = null, int? Category = null, string? Province = null, int? VendorId = null,
        int Page = 1, int PageSize = 20) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Card> Items, int Total, int Page, int PageSize);

    public sealed record Card(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
        string VendorNameTh, string VendorNameEn, Sector Sector, IReadOnlyList<int> Categories, Maturity Maturity, bool Certified);

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
            var query = db.Listings.AsNoTracking().Where(l => l.Visibility == Visibility.Published);
            if (request.Sector is { } sector)
                query = query.Where(l => l.LiveSector == sector);
            if (request.Category is { } category)
                query = query.Where(l => l.LiveCategories!.Contains("|" + category + "|"));
            if (request.Province is { } province)
                query = query.Where(l => l.LiveProvinces!.Contains("|" + province + "|"));
            if (request.VendorId is { } vendorId)
                query = query.Where(l => l.VendorId == vendorId);

            var total = await query.CountAsync(cancellationToken);
            var rows = await query.OrderByDescending(l => l.PublishedAt).ThenBy(l => l.Id)
                .Skip((page - 1) * size).Take(size)
                .Select(l => new { l.Id, l.Slug, l.Live, l.Vendor!.NameTh, l.Vendor.NameEn })
                .ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
            var cards = rows.Select(r => new Card(r.Id, r.Slug, r.Live!.TitleTh, r.Live.TitleEn, r.Live.SummaryTh, r.Live.SummaryEn,
                r.NameTh, r.NameEn, r.Live.Sector, r.Live.Categories.ToList(), r.Live.Maturity, r.Live.HasValidInnovationListing(today))).ToList();
            return new Result(cards, total, page, size);
        }
    }
}
