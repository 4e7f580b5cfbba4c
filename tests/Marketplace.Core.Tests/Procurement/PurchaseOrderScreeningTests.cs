using Marketplace.Core.Common;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Procurement;
using Marketplace.Core.Tests.Challenges;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Procurement;

/// <summary>
/// The signed purchase order goes through the same screening as every other upload: the real clamd that
/// .ci/clamav/start runs with the EICAR test signature, into real SQLite (or PostgreSQL).
/// </summary>
public sealed class PurchaseOrderScreeningTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    internal static async Task<PlaceOrder.Command> OrderAsync(SliceFixture app, byte[] pdf) => new()
    {
        ListingId = await app.QueryDbAsync(db => db.Listings.Where(l => l.Slug == "gov-queue-booking").Select(l => l.Id).SingleAsync()),
        PackageIndex = 0,
        Route = PaymentRoute.PurchaseOrder,
        BillingAddress = "80 ถนนแจ้งวัฒนะ กรุงเทพมหานคร 10210",
        PurchaseOrderNumber = "PO-DGA-2569-007",
        PurchaseOrderFileName = "po.pdf",
        PurchaseOrderPdf = pdf,
    };

    internal static Task<(int Orders, int Documents, int AuditRows)> StoredAsync(SliceFixture app) => app.QueryDbAsync(async db =>
        (await db.Orders.CountAsync(), await db.PurchaseOrderDocuments.CountAsync(), await db.AuditEvents.CountAsync(a => a.Action == nameof(PlaceOrder))));

    [Fact]
    public async Task An_infected_purchase_order_is_refused_next_to_its_field_and_no_order_document_or_audit_row_is_stored()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var before = await StoredAsync(app);
        var command = await OrderAsync(app, [.. DocumentTests.Pdf("Purchase order"), .. DocumentTests.Eicar]);
        using var _ = new EnglishCulture();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(command));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(PlaceOrder.Command.PurchaseOrderPdf), error.Field);
        Assert.Contains("contains a virus (Marketplace.Test.EICAR", error.Message);
        Assert.Equal(before, await StoredAsync(app));
    }

    [Fact]
    public async Task A_clean_purchase_order_still_places_the_order_with_its_document()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var before = await StoredAsync(app);
        var pdf = DocumentTests.Pdf("Purchase order");

        var id = await app.SendAsync(await OrderAsync(app, pdf));

        Assert.Equal((before.Orders + 1, before.Documents + 1, before.AuditRows + 1), await StoredAsync(app));
        var order = await app.QueryDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(("PO-DGA-2569-007", OrderState.PendingPayment, PurchaseOrderState.Submitted), (order.PurchaseOrderNumber, order.State, order.PurchaseOrder));
        Assert.Equal(pdf, await app.QueryDbAsync(db => db.PurchaseOrderDocuments.Where(d => d.OrderId == id).Select(d => d.Content).SingleAsync()));
    }
}

/// <summary>With clamd unreachable a purchase order is refused like any upload (fail closed), and nothing is stored.</summary>
public sealed class PurchaseOrderScannerDownTests(ScannerDownFixture app) : IClassFixture<ScannerDownFixture>
{
    [Fact]
    public async Task With_the_scanner_down_a_purchase_order_is_refused_and_no_order_is_placed()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var before = await PurchaseOrderScreeningTests.StoredAsync(app);
        var command = await PurchaseOrderScreeningTests.OrderAsync(app, DocumentTests.Pdf("Purchase order"));
        using var _ = new EnglishCulture();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(command));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(PlaceOrder.Command.PurchaseOrderPdf), error.Field);
        Assert.Contains("virus scanner is not available", error.Message);
        Assert.Equal(before, await PurchaseOrderScreeningTests.StoredAsync(app));
    }
}
