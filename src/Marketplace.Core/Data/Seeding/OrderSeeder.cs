using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data.Seeding;

/// <summary>
/// Sample buying, so the purchase register is populated on a fresh start: tax invoice details for every verified vendor,
/// and orders that are completed (with a repeat purchase), in delivery, paid by purchase order, pending and refunded.
/// Each is walked through the real transitions; receipts take real numbers. No notifications: nobody acted.
/// </summary>
internal sealed class OrderSeeder(MarketplaceDbContext db, DateTimeOffset now)
{
    private sealed record SampleOrder(string Agency, string Listing, int Package, PaymentRoute Route, int PlacedDaysAgo, string Outcome);

    private static readonly SampleOrder[] Samples =
    [
        new("dga", "health-record-wallet", 0, PaymentRoute.Checkout, 120, "completed"),
        new("dga", "health-record-wallet", 1, PaymentRoute.Checkout, 12, "in-delivery"),
        new("bma", "gov-queue-booking", 0, PaymentRoute.PurchaseOrder, 30, "paid"),
        new("doh", "hospital-queue-appointment", 0, PaymentRoute.PurchaseOrder, 3, "pending"),
        new("nhso", "local-land-use-map", 0, PaymentRoute.Checkout, 45, "refunded"),
    ];

    public async Task LoadAsync(IReadOnlyDictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var street = 1;
        foreach (var vendor in organisations.Values.Where(o => o is { Kind: OrganisationKind.Vendor, Verification: VerificationState.Verified }))
            db.VendorInvoicing.Add(new VendorInvoicing(vendor.Id, $"{street++ * 17} ถนนวิภาวดีรังสิต แขวงจตุจักร เขตจตุจักร กรุงเทพมหานคร 10900", "สำนักงานใหญ่", now.AddDays(-80)));
        await db.SaveChangesAsync(ct);
        var addresses = await db.VendorInvoicing.ToDictionaryAsync(v => v.OrganisationId, ct);
        var buyers = await db.Users.Where(u => u.OrganisationId != null).Select(u => new { u.Id, u.DisplayName, u.OrganisationId }).ToListAsync(ct);

        foreach (var sample in Samples)
        {
            var listing = await db.Listings.Include(l => l.Vendor).SingleAsync(l => l.Slug == sample.Listing, ct);
            var agency = organisations[sample.Agency];
            var buyer = buyers.First(u => u.OrganisationId == agency.Id);
            var package = listing.Live!.PilotPackages[sample.Package];
            var vendor = listing.Vendor!;
            var placed = now.AddDays(-sample.PlacedDaysAgo);
            var order = new Order(
                new PackageSnapshot(listing.Id, listing.Slug, listing.Live.TitleTh, listing.Live.TitleEn, package.NameTh, package.NameEn,
                    package.PriceSatang, package.DurationDays, package.IncludesTh, package.IncludesEn),
                new PartiesSnapshot(vendor.Id, vendor.NameTh, vendor.NameEn, vendor.JuristicNumber!, addresses[vendor.Id].Address, addresses[vendor.Id].Branch,
                    agency.Id, agency.NameTh, agency.NameEn, $"{agency.NameTh} กรุงเทพมหานคร", null, buyer.Id, buyer.DisplayName),
                sample.Route, placed);
            db.Orders.Add(order);
            if (sample.Route == PaymentRoute.PurchaseOrder)
                order.SubmitPurchaseOrder($"PO-{sample.Agency.ToUpperInvariant()}-{now.Year + 543}-{sample.PlacedDaysAgo:D4}");
            await db.SaveChangesAsync(ct);
            if (sample.Outcome == "pending")
                continue;

            var paid = placed.AddHours(1);
            if (sample.Route == PaymentRoute.PurchaseOrder)
            {
                order.AcceptPurchaseOrder();
                order.IssueInvoice($"INV-{order.Id:D5}", placed.AddDays(2));
                paid = placed.AddDays(10);
                order.RecordPurchaseOrderPayment($"KTB-{order.Id:D8}", paid);
            }
            else
                order.MarkPaid(paid);
            var payment = new Payment(order.Id, sample.Route == PaymentRoute.Checkout ? Payment.Stripe : Payment.PurchaseOrder,
                sample.Route == PaymentRoute.Checkout ? $"pi_sample_{order.Id}" : order.PaymentReference!, order.TotalSatang, paid);
            db.Payments.Add(payment);
            await TaxInvoiceNumbers.IssueAsync(db, order, paid, ct);
            if (sample.Outcome is "completed" or "in-delivery")
                order.StartDelivery(paid.AddDays(3));
            if (sample.Outcome == "completed")
                order.Complete(paid.AddDays(3 + package.DurationDays));
            if (sample.Outcome == "refunded")
            {
                payment.RecordRefund(order, order.TotalSatang, paid.AddDays(5));
                order.MarkRefunded(paid.AddDays(5));
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
