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
            return (null, Bi.T("เข้าสู่ระบบในฐานะเจ้าหน้าที่จัดซื้อของหน่วยงานรัฐเพื่อซื้อแพ็กเกจ", "Sign in as a buyer from a government agency to buy a package"));
        if (!user.IsInRole(Roles.Buyer))
            return (null, Bi.T("ซื้อได้เฉพาะเจ้าหน้าที่จัดซื้อของหน่วยงานรัฐที่ยืนยันแล้ว", "Only buyers from verified government agencies can buy"));
        var organisationId = await db.OrganisationIdOf(user, ct);
        var agency = organisationId is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (agency is not { Kind: OrganisationKind.Agency })
            return (null, Bi.T("บัญชีของคุณยังไม่ได้เป็นสมาชิกที่ยืนยันแล้วของหน่วยงานรัฐ", "Your account is not yet a confirmed member of a government agency"));
        if (agency.Verification != VerificationState.Verified)
            return (null, Bi.T("หน่วยงานของคุณยังไม่ได้รับการยืนยันจาก NIA", "Your agency has not been verified by NIA yet"));
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
            throw new ForbiddenException(Bi.T("จัดการได้เฉพาะคำสั่งซื้อของหน่วยงานคุณ", "You can manage only your own agency's orders"));
        return order;
    }

    /// <summary>The order, for a member of the vendor that sells it.</summary>
    public static async Task<Order> VendorsOrderAsync(this MarketplaceDbContext db, ICurrentUser user, int orderId, CancellationToken ct)
    {
        var order = await FindAsync(db, orderId, ct);
        if (!user.IsInRole(Roles.Vendor) || await db.OrganisationIdOf(user, ct) != order.VendorId)
            throw new ForbiddenException(Bi.T("จัดการได้เฉพาะคำสั่งซื้อที่ส่งถึงองค์กรของคุณ", "You can manage only orders placed with your organisation"));
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
        throw new ForbiddenException(Bi.T("ดูได้เฉพาะคำสั่งซื้อขององค์กรคุณ", "You can see only your own organisation's orders"));
    }

    public static async Task<Order> FindAsync(MarketplaceDbContext db, int orderId, CancellationToken ct) =>
        await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct)
        ?? throw new NotFoundException(Bi.T("ไม่พบคำสั่งซื้อนี้", "This order does not exist"));
}

public enum OrderViewer { Buyer, Vendor, Moderator }
