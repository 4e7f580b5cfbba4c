using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency.Ocds;

public sealed record OcdsContract(string Id, string AwardID, string Title, [property: System.Text.Json.Serialization.JsonPropertyName("title_en")] string? TitleEn,
    string Status, DateTimeOffset DateSigned, OcdsValue Value, OcdsPeriod? Period, OcdsImplementation? Implementation);

public sealed record OcdsImplementation(IReadOnlyList<OcdsTransaction> Transactions);

public sealed record OcdsTransaction(string Id, DateTimeOffset Date, OcdsValue Value, OcdsOrganisationReference Payer, OcdsOrganisationReference Payee);

/// <summary>
/// Every paid pilot-package order as its own contracting process: a direct purchase with one award, one contract and
/// the money that moved as implementation transactions (the payment; a refund flows back from the vendor).
/// </summary>
public static class OcdsContracts
{
    public static string Ocid(int orderId) => $"{OcdsIdentifiers.Prefix}-order-{orderId}";

    /// <summary>
    /// Paid orders, dated at their latest change (payment, delivery, completion, closing or refund), which the order
    /// keeps in <see cref="Order.RecordChangedAt"/> so the feed reads them in date order through its index. Unpaid
    /// orders have none and are never published.
    /// </summary>
    public static OcdsReleaseKind Kind(MarketplaceDbContext db, string site) => new(
        db.Orders.AsNoTracking().Where(o => o.RecordChangedAt != null)
            .Select(o => new ReleaseKey { Id = o.Id, Date = o.RecordChangedAt!.Value, Order = o.Id.ToString() }),
        (keys, ct) => ReleasesAsync(db, keys, site, ct));

    private static async Task<IReadOnlyList<OcdsRelease>> ReleasesAsync(MarketplaceDbContext db, IReadOnlyList<ReleaseKey> keys, string site, CancellationToken ct)
    {
        if (keys.Count == 0)
            return [];
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id) && o.PaidAt != null)
            .Select(o => new
            {
                Order = o,
                AgencySlug = db.Organisations.Where(a => a.Id == o.AgencyId).Select(a => a.Slug).First(),
                VendorSlug = db.Organisations.Where(v => v.Id == o.VendorId).Select(v => v.Slug).First(),
                Payment = db.Payments.FirstOrDefault(p => p.OrderId == o.Id),
            })
            .ToDictionaryAsync(r => r.Order.Id, ct);
        // An order is never deleted; the lookup only guards the moment between the two queries.
        var releases = keys.Where(k => rows.ContainsKey(k.Id)).Select(k => rows[k.Id]).Select(r => Release(r.Order,
            new OrganisationName(r.Order.AgencyId, r.AgencySlug, r.Order.Parties.AgencyNameTh, r.Order.Parties.AgencyNameEn),
            new OrganisationName(r.Order.VendorId, r.VendorSlug, r.Order.Parties.VendorNameTh, r.Order.Parties.VendorNameEn), r.Payment)).ToList();
        return await OcdsReleaseStream.WithLegalIdentifiersAsync(db, releases, rows.Values.SelectMany(r => new[] { r.Order.AgencyId, r.Order.VendorId }), site, ct);
    }

    public static OcdsRelease Release(Order order, OrganisationName agency, OrganisationName vendor, Payment? payment)
    {
        var ocid = Ocid(order.Id);
        var buyer = new OcdsOrganisationReference(OcdsIdentifiers.Party(agency.Slug), agency.NameTh);
        var supplier = new OcdsOrganisationReference(OcdsIdentifiers.Party(vendor.Slug), vendor.NameTh);
        var paidAt = order.PaidAt!.Value;
        var value = OcdsReleases.Baht(order.TotalSatang);
        var title = $"{order.Package.ListingTitleTh}: {order.Package.NameTh}";
        var titleEn = $"{order.Package.ListingTitleEn ?? order.Package.ListingTitleTh}: {order.Package.NameEn ?? order.Package.NameTh}";

        var transactions = new List<OcdsTransaction> { new($"{ocid}-payment", paidAt, value, buyer, supplier) };
        if (payment is { RefundedAt: { } refundedAt, RefundedSatang: > 0 })
            transactions.Add(new($"{ocid}-refund", refundedAt, OcdsReleases.Baht(payment.RefundedSatang), supplier, buyer));
        var contract = new OcdsContract($"{ocid}-contract", $"{ocid}-award", title, titleEn, ContractStatus(order.State), paidAt, value,
            new OcdsPeriod(order.DeliveryStartedAt, order.CompletedAt), new OcdsImplementation(transactions));
        var tender = new OcdsTender
        {
            Id = order.Number,
            Title = title,
            TitleEn = titleEn,
            Status = "complete",
            ProcuringEntity = buyer,
            Value = value,
            ProcurementMethod = "direct",
            NumberOfTenderers = 1,
        };
        var latest = order.RecordChangedAt!.Value;
        return new OcdsRelease(ocid, $"{ocid}-{latest.UtcTicks}", latest, ["award", "contract", "implementation"], "tender", "th",
        [
            new OcdsParty(buyer.Id, agency.NameTh, agency.NameEn, ["buyer", "procuringEntity", "payer"]),
            new OcdsParty(supplier.Id, vendor.NameTh, vendor.NameEn, ["supplier", "payee"]),
        ], buyer, tender, [new OcdsAward($"{ocid}-award", "active", order.PlacedAt, value, [supplier])])
        { Contracts = [contract] };
    }

    private static string ContractStatus(OrderState state) => state switch
    {
        OrderState.Completed => "terminated",
        OrderState.Refunded => "cancelled",
        _ => "active",
    };
}
