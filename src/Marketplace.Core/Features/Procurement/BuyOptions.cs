using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The buying part of a listing's page: whether the person looking may buy (and if not, who may), and how many agencies
/// bought the listing and how many came back for another package (a pilot followed by a repeat purchase).
/// </summary>
public static class BuyOptions
{
    public sealed record Query(int ListingId) : IRequest<Result>;

    public sealed record Result(bool CanBuy, string? WhyNot, bool VendorReady, int AgenciesBought, int AgenciesBoughtAgain);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var (agency, whyNot) = await db.BuyingAgencyAsync(user, cancellationToken);
            var vendorReady = await db.Listings.Where(l => l.Id == request.ListingId)
                .AnyAsync(l => db.VendorInvoicing.Any(v => v.OrganisationId == l.VendorId), cancellationToken);
            var purchases = await db.Orders.AsNoTracking().Where(o => o.ListingId == request.ListingId && o.PaidAt != null && o.State != OrderState.Refunded)
                .GroupBy(o => o.AgencyId).Select(g => g.Count()).ToListAsync(cancellationToken);
            return new Result(agency is not null && vendorReady, whyNot, vendorReady, purchases.Count, purchases.Count(n => n > 1));
        }
    }
}
