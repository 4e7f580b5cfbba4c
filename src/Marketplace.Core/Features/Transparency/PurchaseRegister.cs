using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// The public register of purchases, newest payment first: which agency bought which package from which vendor, for how
/// much, how it paid, and where the order stands. Only orders that were paid appear; a refunded one stays, marked so.
/// </summary>
public static class PurchaseRegister
{
    public const int MaxPageSize = 100;

    /// <summary><paramref name="Everything"/> ignores paging, for the CSV download and the OCDS feed.</summary>
    public sealed record Query(int Page = 1, int PageSize = 20, bool Everything = false) : IRequest<Result>
    {
        /// <summary>Only the purchases this agency made (by slug, for its public page).</summary>
        public string? Agency { get; init; }

        /// <summary>Only the purchases from this vendor (by slug, for its public page).</summary>
        public string? Vendor { get; init; }
    }

    /// <summary><paramref name="Total"/> and <paramref name="TotalValueSatang"/> cover every selected purchase, not only this page.</summary>
    public sealed record Result(IReadOnlyList<Purchase> Items, int Total, int Page, int PageSize)
    {
        public long TotalValueSatang { get; init; }
    }

    public sealed record Purchase(int OrderId, string Number, OrganisationName Agency, OrganisationName Vendor, string ListingSlug,
        string ListingTitleTh, string? ListingTitleEn, string PackageNameTh, string? PackageNameEn, int DurationDays, long ValueSatang,
        PaymentRoute Route, OrderState State, DateTimeOffset PlacedAt, DateTimeOffset PaidAt, DateTimeOffset? ClosedAt)
    {
        /// <summary>Thai public records are dated in Bangkok time, whatever the server's zone.</summary>
        public DateOnly PaidDate => Dates.ThaiDay(PaidAt);
    }

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = request.Everything ? 1 : Math.Max(1, request.Page);
            var size = request.Everything ? int.MaxValue : Math.Clamp(request.PageSize, 1, MaxPageSize);
            var paid = db.Orders.AsNoTracking().Where(o => o.PaidAt != null);
            if (request.Agency is { } agency)
                paid = paid.Where(o => db.Organisations.Any(a => a.Id == o.AgencyId && a.Slug == agency));
            if (request.Vendor is { } vendor)
                paid = paid.Where(o => db.Organisations.Any(v => v.Id == o.VendorId && v.Slug == vendor));
            var total = await paid.CountAsync(cancellationToken);
            var totalValue = await paid.SumAsync(o => o.TotalSatang, cancellationToken);
            IQueryable<Order> ordered = paid.OrderByDescending(o => o.PaidAt).ThenByDescending(o => o.Id);
            if (!request.Everything)
                ordered = ordered.Skip((page - 1) * size).Take(size);
            var rows = await ordered
                .Select(o => new
                {
                    Order = o,
                    AgencySlug = db.Organisations.Where(a => a.Id == o.AgencyId).Select(a => a.Slug).First(),
                    VendorSlug = db.Organisations.Where(v => v.Id == o.VendorId).Select(v => v.Slug).First(),
                })
                .ToListAsync(cancellationToken);
            var items = rows.Select(r =>
            {
                var o = r.Order;
                var p = o.Parties;
                return new Purchase(o.Id, o.Number, new OrganisationName(o.AgencyId, r.AgencySlug, p.AgencyNameTh, p.AgencyNameEn),
                    new OrganisationName(o.VendorId, r.VendorSlug, p.VendorNameTh, p.VendorNameEn), o.Package.ListingSlug, o.Package.ListingTitleTh,
                    o.Package.ListingTitleEn, o.Package.NameTh, o.Package.NameEn, o.Package.DurationDays, o.TotalSatang, o.Route, o.State, o.PlacedAt,
                    o.PaidAt!.Value, o.ClosedAt);
            }).ToList();
            return new Result(items, total, page, request.Everything ? Math.Max(1, total) : size) { TotalValueSatang = totalValue };
        }
    }
}
