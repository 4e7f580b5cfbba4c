using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The order lists: /agency/orders (a buyer's agency's orders), /vendor/orders (orders placed with a vendor), and for
/// moderators every order. Newest first.
/// </summary>
public static class MyOrders
{
    public enum Side { Agency, Vendor, All }

    [RequiresSignIn]
    public sealed record Query(Side Side) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(int Id, string Number, PackageSnapshot Package, string AgencyNameTh, string AgencyNameEn, string VendorNameTh,
        string VendorNameEn, long TotalSatang, OrderState State, PaymentRoute Route, PurchaseOrderState? PurchaseOrder, DateTimeOffset PlacedAt);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var orders = db.Orders.AsNoTracking();
            switch (request.Side)
            {
                case Side.Agency:
                    var agency = await db.RequireBuyingAgencyAsync(user, cancellationToken);
                    orders = orders.Where(o => o.AgencyId == agency.Id);
                    break;
                case Side.Vendor:
                    var vendorId = user.IsInRole(Roles.Vendor) ? await db.OrganisationIdOf(user, cancellationToken) : null;
                    if (vendorId is null)
                        throw new ForbiddenException(Texts.Get("Features.Procurement.MyOrders.ThisPageIsForVendorsOnly"));
                    orders = orders.Where(o => o.VendorId == vendorId);
                    break;
                default:
                    if (!user.IsModerator())
                        throw new ForbiddenException(Texts.Get("Features.Procurement.MyOrders.ThisPageIsForModerators"));
                    break;
            }
            var rows = await orders.OrderByDescending(o => o.Id).Take(500).ToListAsync(cancellationToken);
            return rows.Select(o => new Row(o.Id, o.Number, o.Package, o.Parties.AgencyNameTh, o.Parties.AgencyNameEn, o.Parties.VendorNameTh,
                o.Parties.VendorNameEn, o.TotalSatang, o.State, o.Route, o.PurchaseOrder, o.PlacedAt)).ToList();
        }
    }
}
