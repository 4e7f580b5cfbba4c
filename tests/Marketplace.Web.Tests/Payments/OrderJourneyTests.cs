using System.Net;
using System.Text;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Payments;

public sealed class OrderJourneyTests(SimulatedSiteFactory site) : IClassFixture<SimulatedSiteFactory>
{
    private const string Buyer = "buyer@demo.govtech.example";
    private const string Vendor = "vendor@demo.govtech.example";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static Dictionary<string, string> Form(string route, string? po = null) => new()
    {
        ["Input.Route"] = route,
        ["Input.BillingAddress"] = "80 ถนนแจ้งวัฒนะ กรุงเทพมหานคร 10210",
        ["Input.PurchaseOrderNumber"] = po ?? "",
    };

    [Fact]
    public async Task The_simulated_checkout_pays_through_the_signed_webhook_and_the_purchase_reaches_the_register()
    {
        using var buyer = Visitor.For(site);
        await buyer.SignInAsync(Buyer);
        var before = await site.WithDbAsync(db => db.Orders.CountAsync(o => o.PaidAt != null));

        var placed = await buyer.PostFormAsync("/solutions/hospital-queue-appointment/buy/0", Form("Checkout"));
        var checkout = placed.Headers.Location!.ToString();
        Assert.Matches("^/payments/simulated/cs_sim_[0-9a-f]+$", checkout);
        var (_, page) = await buyer.GetAsync(checkout);
        Assert.Contains("data-testid=\"simulated-banner\"", page);
        var paid = await buyer.PostFormAsync(checkout, new Dictionary<string, string> { ["outcome"] = "card" });

        var orderId = await site.LatestOrderIdAsync();
        Assert.Equal($"/orders/{orderId}/paid", paid.Headers.Location!.ToString());
        var order = await site.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderState.Paid, order.State);
        Assert.True(await site.WithDbAsync(db => db.ProcessedPaymentEvents.AnyAsync(e => e.EventId.StartsWith("evt_sim_"))));
        var (_, receipt) = await buyer.GetAsync($"/orders/{orderId}/receipt");
        Assert.Contains("ใบเสร็จรับเงิน/ใบกำกับภาษี", receipt);
        Assert.Contains("0105561048219", receipt);
        Assert.Contains("5,887.85", receipt);
        Assert.Contains("84,112.15", receipt);
        var (_, register) = await buyer.GetAsync("/api/purchases?pageSize=100");
        Assert.Contains($"\"total\":{before + 1}", register);
        Assert.Contains($"GTM-{orderId:D6}", register);
    }

    [Fact]
    public async Task Only_the_buying_agency_the_selling_vendor_and_moderators_see_an_order()
    {
        using var buyer = Visitor.For(site);
        await buyer.SignInAsync(Buyer);
        await buyer.PostFormAsync("/solutions/hospital-queue-appointment/buy/0", Form("Checkout"));
        var id = await site.LatestOrderIdAsync();

        using var otherBuyer = await site.SignedInAsync("procurement@bma.agency.example");
        using var otherVendor = await site.SignedInAsync("vendor-en@demo.govtech.example");
        using var vendor = await site.SignedInAsync(Vendor);
        using var moderator = await site.SignedInAsync("moderator@demo.govtech.example");
        using var anonymous = Visitor.For(site);

        foreach (var url in new[] { $"/orders/{id}", $"/orders/{id}/confirmation" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await otherBuyer.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await otherVendor.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.OK, (await vendor.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync($"/orders/{id}/receipt")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.GetAsync("/agency/orders")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/vendor/orders")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/moderation/orders")).Status);
        var (_, all) = await moderator.GetAsync("/moderation/orders");
        Assert.Contains($"GTM-{id:D6}", all);

        var cancelByOther = await otherBuyer.PostFormAsync($"/orders/{id}/confirmation", new Dictionary<string, string> { ["Text"] = "x" }, $"/orders/{id}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Forbidden, cancelByOther.StatusCode);
        var payByVendor = await vendor.PostFormAsync($"/orders/{id}", new Dictionary<string, string>(), $"/orders/{id}?handler=Pay");
        Assert.Equal(HttpStatusCode.Forbidden, payByVendor.StatusCode);
        Assert.Equal(OrderState.PendingPayment, (await site.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == id))).State);
        Assert.True(await site.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Refused && a.Action == "OrderProgress.Cancel")));
    }

    [Fact]
    public async Task Only_buyers_of_verified_agencies_may_open_the_buy_form()
    {
        using var vendor = await site.SignedInAsync(Vendor);
        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.GetAsync("/solutions/hospital-queue-appointment/buy/0")).Status);
        using var anonymous = Visitor.For(site);
        var (_, listing) = await anonymous.GetAsync("/solutions/hospital-queue-appointment");
        Assert.Contains("data-testid=\"why-not\"", listing);
        Assert.DoesNotContain("data-testid=\"buy-package\"", listing);
    }

    [Fact]
    public async Task A_purchase_order_goes_from_signed_PDF_to_accepted_invoiced_paid_and_completed()
    {
        using var buyer = Visitor.For(site);
        await buyer.SignInAsync(Buyer);
        var ordersBefore = await site.WithDbAsync(db => db.Orders.CountAsync());
        var notPdf = await buyer.PostFormWithFileAsync("/solutions/gov-queue-booking/buy/0", Form("PurchaseOrder", "PO-DGA-2569-001"),
            new UploadedFile("PurchaseOrderFile", "po.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]));
        Assert.Equal(HttpStatusCode.OK, notPdf.StatusCode);
        Assert.Contains("ไม่ใช่ PDF", await notPdf.Content.ReadAsStringAsync());
        Assert.Equal(ordersBefore, await site.WithDbAsync(db => db.Orders.CountAsync()));

        var placed = await buyer.PostFormWithFileAsync("/solutions/gov-queue-booking/buy/0", Form("PurchaseOrder", "PO-DGA-2569-001"),
            new UploadedFile("PurchaseOrderFile", "po.pdf", "application/pdf", Pdf));
        var id = await site.LatestOrderIdAsync();
        Assert.Equal($"/orders/{id}", placed.Headers.Location!.ToString());

        using var vendor = await site.SignedInAsync("ceo@queueless.example");
        async Task<HttpResponseMessage> Act(Visitor who, string handler, string text = "") =>
            await who.PostFormAsync($"/orders/{id}", new Dictionary<string, string> { ["Text"] = text }, $"/orders/{id}?handler={handler}");

        Assert.Equal(HttpStatusCode.Forbidden, (await Act(buyer, "Accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(vendor, "Accept")).StatusCode);
        var early = await Act(buyer, "RecordPayment", "KTB-1");
        Assert.Contains("หลังผู้ขายออกใบแจ้งหนี้", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Act(vendor, "Invoice", "INV-2569-0042")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(buyer, "RecordPayment", "KTB-20261130-77")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(vendor, "StartDelivery")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(vendor, "Complete")).StatusCode);

        var order = await site.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == id));
        Assert.Equal(OrderState.Completed, order.State);
        Assert.Equal("KTB-20261130-77", order.PaymentReference);
        var payment = await site.WithDbAsync(db => db.Payments.SingleAsync(p => p.OrderId == id));
        Assert.Equal(Payment.PurchaseOrder, payment.Provider);
        var file = await vendor.Http.GetAsync($"/orders/{id}?handler=PurchaseOrder");
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_infected_purchase_order_gets_a_message_next_to_the_file_field_and_places_no_order()
    {
        using var buyer = Visitor.For(site);
        await buyer.SignInAsync(Buyer);
        var before = await site.WithDbAsync(async db => (await db.Orders.CountAsync(), await db.PurchaseOrderDocuments.CountAsync()));
        var eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

        var refused = await buyer.PostFormWithFileAsync("/solutions/gov-queue-booking/buy/0", Form("PurchaseOrder", "PO-DGA-2569-666"),
            new UploadedFile("PurchaseOrderFile", "po.pdf", "application/pdf", [.. Pdf, .. eicar]));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"PurchaseOrderFile-error\">ไฟล์นี้มีไวรัส \\(Marketplace\\.Test\\.EICAR", html);
        Assert.Equal(before, await site.WithDbAsync(async db => (await db.Orders.CountAsync(), await db.PurchaseOrderDocuments.CountAsync())));
    }

    [Fact]
    public async Task Tax_invoice_numbers_run_without_gaps_per_seller()
    {
        var vendorId = await site.WithDbAsync(db => db.Organisations.Where(o => o.Slug == "siam-health-link").Select(o => o.Id).SingleAsync());
        var sequence = TaxInvoice.SequenceFor(vendorId);
        var numbers = await site.WithDbAsync(db => db.TaxInvoices.Where(t => t.Sequence == sequence).OrderBy(t => t.Number).Select(t => t.Number).ToListAsync());
        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
    }

    [Fact]
    public async Task The_purchase_register_is_open_data_as_csv_json_and_ocds_contracts()
    {
        using var anyone = Visitor.For(site);
        var csv = await anyone.Http.GetByteArrayAsync("/purchases.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith("order,agency,vendor,solution,package,value_thb,vat_thb,payment_route,status,paid_date", text);
        Assert.Contains("refunded", text);
        Assert.Contains("completed", text);

        var (status, json) = await anyone.GetAsync("/api/purchases?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, status);
        var register = System.Text.Json.JsonDocument.Parse(json).RootElement;
        Assert.True(register.GetProperty("total").GetInt32() >= 4);
        Assert.Equal(2, register.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/api/purchases?pageSize=1000")).Status);

        var (_, ocds) = await anyone.GetAsync("/api/ocds/releases");
        Assert.Empty((await Ocds.OcdsSchema.ReleasePackageAsync()).Validate(ocds).Select(e => e.ToString()));
        var releases = System.Text.Json.JsonDocument.Parse(ocds).RootElement.GetProperty("releases").EnumerateArray()
            .Where(r => r.TryGetProperty("contracts", out _)).ToList();
        Assert.True(releases.Count >= 4);
        var refunded = releases.Single(r => r.GetProperty("contracts")[0].GetProperty("status").GetString() == "cancelled");
        Assert.Equal(2, refunded.GetProperty("contracts")[0].GetProperty("implementation").GetProperty("transactions").GetArrayLength());
    }

    [Fact]
    public async Task A_listing_page_counts_the_agencies_that_bought_and_bought_again()
    {
        using var anyone = Visitor.For(site);
        var (_, page) = await anyone.GetAsync("/solutions/health-record-wallet?culture=en-US");
        Assert.Contains("Bought by 1 agency · 1 bought again", page);
    }
}
