using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>The ownership rule every catalogue handler applies: a vendor touches only its own organisation's listings.</summary>
internal static class ListingAccess
{
    public static async Task<Listing> OwnListingAsync(this MarketplaceDbContext db, ICurrentUser user, int listingId, CancellationToken ct)
    {
        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == listingId, ct)
            ?? throw new NotFoundException(Texts.Get("Features.Catalogue.ListingAccess.ThisListingDoesNotExist"));
        if (await db.OrganisationIdOf(user, ct) != listing.VendorId)
            throw new ForbiddenException(Texts.Get("Features.Catalogue.ListingAccess.YouCanManageOnlyYourOwn"),
                hideExistence: !listing.IsPublic);
        return listing;
    }

}
