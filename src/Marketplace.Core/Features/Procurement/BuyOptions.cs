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
        // One round trip, compiled once: every rendering of a listing page asks it.
        private static readonly Func<MarketplaceDbContext, int, CancellationToken, Task<Facts?>> FactsOf = EF.CompileAsyncQuery(
            (MarketplaceDbContext db, int listingId, CancellationToken ct) => db.Listings.Where(l => l.Id == listingId).Select(l => new Facts(
                db.VendorInvoicing.Any(v => v.OrganisationId == l.VendorId),
                db.Orders.Where(o => o.ListingId == listingId && o.PaidAt != null && o.State != OrderState.Refunded).Select(o => o.AgencyId).Distinct().Count(),
                db.Orders.Where(o => o.ListingId == listingId && o.PaidAt != null && o.State != OrderState.Refunded)
                    .GroupBy(o => o.AgencyId).Where(g => g.Count() > 1).Count())).SingleOrDefault());

        private sealed record Facts(bool VendorReady, int AgenciesBought, int AgenciesBoughtAgain);

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var (agency, whyNot) = await db.BuyingAgencyAsync(user, cancellationToken);
            var facts = await FactsOf(db, request.ListingId, cancellationToken) ?? new Facts(false, 0, 0);
            return new Result(agency is not null && facts.VendorReady, whyNot, facts.VendorReady, facts.AgenciesBought, facts.AgenciesBoughtAgain);
        }
    }
}
