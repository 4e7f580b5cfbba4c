using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The ownership rules of buying, in one place: who may buy, and who may see or act on an order. A buyer is a confirmed
/// member (<see cref="MembershipQueries.OrganisationIdOf"/>) of a verified agency; an order belongs to its agency and
/// its vendor; moderators see every order but act on none.
/// </summary>
public static class OrderAccess
{
    /// <returns>The buyer's agency, or null with the reason this person may not buy.</returns>
    public static async Task<(Organisation? Agency, string? WhyNot)> BuyingAgencyAsync(this MarketplaceDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.UserId is null)
            return (null, Texts.Get("Features.Procurement.OrderAccess.SignInAsABuyerFrom"));
        if (!user.IsInRole(Roles.Buyer))
            return (null, Texts.Get("Features.Procurement.OrderAccess.OnlyBuyersFromVerifiedGovernmentAgencies"));
        var organisationId = await db.OrganisationIdOf(user, ct);
        var agency = organisationId is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (agency is not { Kind: OrganisationKind.Agency })
            return (null, Texts.Get("Features.Procurement.OrderAccess.YourAccountIsNotYetA"));
        if (agency.Verification != VerificationState.Verified)
            return (null, Texts.Get("Features.Procurement.OrderAccess.YourAgencyHasNotBeenVerified"));
        return (agency, null);
    }

    public static async Task<Organisation> RequireBuyingAgencyAsync(this MarketplaceDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var (agency, whyNot) = await db.BuyingAgencyAsync(user, ct);
        return agency ?? throw new ForbiddenException(whyNot!);
    }

    /// <summary>The order, for a buyer of the agency that placed it.</summary>
    public static async Task<Order> BuyersOrderAsync(this MarketplaceDbContext db, ICurrentUser user, int orderId, CancellationToken ct)
    {
        var order = await FindAsync(db, orderId, ct);
        var agency = await db.RequireBuyingAgencyAsync(user, ct);
        if (order.AgencyId != agency.Id)
            throw new ForbiddenException(Texts.Get("Features.Procurement.OrderAccess.YouCanManageOnlyYourOwn"));
        return order;
    }

    /// <summary>The order, for a member of the vendor that sells it.</summary>
    public static async Task<Order> VendorsOrderAsync(this MarketplaceDbContext db, ICurrentUser user, int orderId, CancellationToken ct)
    {
        var order = await FindAsync(db, orderId, ct);
        if (!user.IsInRole(Roles.Vendor) || await db.OrganisationIdOf(user, ct) != order.VendorId)
            throw new ForbiddenException(Texts.Get("Features.Procurement.OrderAccess.YouCanManageOnlyOrdersPlaced"));
        return order;
    }

    /// <summary>Who is looking: the buying agency, the selling vendor, or a moderator; anyone else is refused.</summary>
    public static async Task<OrderViewer> ViewerOfAsync(this MarketplaceDbContext db, ICurrentUser user, Order order, CancellationToken ct)
    {
        var organisationId = user.UserId is null ? null : await db.OrganisationIdOf(user, ct);
        if (organisationId == order.AgencyId && user.IsInRole(Roles.Buyer))
            return OrderViewer.Buyer;
        if (organisationId == order.VendorId && user.IsInRole(Roles.Vendor))
            return OrderViewer.Vendor;
        if (user.IsModerator())
            return OrderViewer.Moderator;
        throw new ForbiddenException(Texts.Get("Features.Procurement.OrderAccess.YouCanSeeOnlyYourOwn"));
    }

    public static async Task<Order> FindAsync(MarketplaceDbContext db, int orderId, CancellationToken ct) =>
        await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct)
        ?? throw new NotFoundException(Texts.Get("Features.Procurement.OrderAccess.ThisOrderDoesNotExist"));
}

public enum OrderViewer { Buyer, Vendor, Moderator }
