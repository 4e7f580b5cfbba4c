using System.Net;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Payments;

public sealed class StripeWebhookTests(StripeSiteFixture site) : IClassFixture<StripeSiteFixture>
{
    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Ordering_online_opens_a_THB_card_and_PromptPay_session_naming_the_order_with_a_key_per_attempt()
    {
        var (order, redirect) = await site.PlaceCheckoutOrderAsync();

        Assert.StartsWith("https://checkout.stripe.test/c/pay/", redirect.Headers.Location!.ToString());
        var (key, form) = site.Stripe.Requests.Last(r => r.Form.GetValueOrDefault("client_reference_id") == order.Id.ToString());
        Assert.Equal($"order-{order.Id}-attempt-1", key);
        Assert.Equal("thb", form["line_items[0][price_data][currency]"]);
        Assert.Equal("9000000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal(["card", "promptpay"], new[] { form["allowed_payment_method_types[0]"], form["allowed_payment_method_types[1]"] });
        Assert.Equal(order.Id.ToString(), form["metadata[order_id]"]);
        Assert.Equal(OrderState.PendingPayment, order.State);
        Assert.Equal(0, await site.PaymentsForAsync(order.Id));
    }

    [Fact]
    public async Task A_signed_completed_session_marks_the_order_paid_once_with_a_numbered_tax_invoice()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        var response = await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderState.Paid, (await site.OrderAsync(order.Id)).State);
        Assert.Equal(1, await site.PaymentsForAsync(order.Id));
        var invoice = await site.WithDbAsync(db => db.TaxInvoices.SingleAsync(t => t.OrderId == order.Id));
        Assert.Equal(order.TotalSatang, invoice.NetSatang + invoice.VatSatang);
        Assert.Equal(588785, invoice.VatSatang);
    }

    [Fact]
    public async Task PromptPay_stays_pending_until_the_asynchronous_success_arrives()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "unpaid"));
        Assert.Equal(OrderState.PendingPayment, (await site.OrderAsync(order.Id)).State);

        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.async_payment_succeeded", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid"));
        Assert.Equal(OrderState.Paid, (await site.OrderAsync(order.Id)).State);
        Assert.Equal(1, await site.PaymentsForAsync(order.Id));
    }

    [Fact]
    public async Task An_asynchronous_failure_marks_the_payment_failed_and_the_buyer_can_pay_again_with_a_new_key()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.async_payment_failed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "unpaid"));
        Assert.Equal(OrderState.PaymentFailed, (await site.OrderAsync(order.Id)).State);

        using var buyer = Support.Visitor.For(site.Site);
        await buyer.SignInAsync(StripeSiteFixture.Buyer);
        var again = await buyer.PostFormAsync($"/orders/{order.Id}", new Dictionary<string, string>(), $"/orders/{order.Id}?handler=Pay");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains(site.Stripe.Requests, r => r.IdempotencyKey == $"order-{order.Id}-attempt-2");
        Assert.Equal(0, await site.PaymentsForAsync(order.Id));
    }

    [Fact]
    public async Task An_expired_session_fails_the_attempt_but_a_late_expiry_of_a_paid_order_changes_nothing()
    {
        var (expiring, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.expired", expiring.CheckoutSessionId!, expiring.Id, expiring.TotalSatang, "unpaid"));
        Assert.Equal(OrderState.PaymentFailed, (await site.OrderAsync(expiring.Id)).State);

        var (paid, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", paid.CheckoutSessionId!, paid.Id, paid.TotalSatang, "paid"));
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.expired", paid.CheckoutSessionId!, paid.Id, paid.TotalSatang, "unpaid"));
        Assert.Equal(OrderState.Paid, (await site.OrderAsync(paid.Id)).State);
    }

    [Fact]
    public async Task A_full_refund_marks_the_order_refunded_and_keeps_the_payment_on_record()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid"));
        await site.DeliverAsync(StripeDeliveries.Refund(NewId("evt_"), order.Id, order.TotalSatang, order.TotalSatang, "pi_" + order.CheckoutSessionId));

        Assert.Equal(OrderState.Refunded, (await site.OrderAsync(order.Id)).State);
        var payment = await site.WithDbAsync(db => db.Payments.SingleAsync(p => p.OrderId == order.Id));
        Assert.Equal(order.TotalSatang, payment.RefundedSatang);
    }

    [Fact]
    public async Task A_refund_that_overtakes_its_payment_leaves_the_order_refunded_with_exactly_one_payment()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        await site.DeliverAsync(StripeDeliveries.Refund(NewId("evt_"), order.Id, order.TotalSatang, order.TotalSatang, "pi_" + order.CheckoutSessionId));
        var late = await site.DeliverAsync(StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(OrderState.Refunded, (await site.OrderAsync(order.Id)).State);
        Assert.Equal(1, await site.PaymentsForAsync(order.Id));
    }

    [Fact]
    public async Task Forged_tampered_and_stale_deliveries_are_refused_with_400_and_change_nothing()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        var body = StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid");

        var forged = await site.DeliverAsync(body, StripeDeliveries.Sign(body, "whsec_not_the_secret", DateTimeOffset.UtcNow));
        var tampered = await site.DeliverAsync(body.Replace("\"amount_total\":9000000", "\"amount_total\":100"),
            StripeDeliveries.Sign(body, StripeSiteFactory.WebhookSecret, DateTimeOffset.UtcNow));
        var stale = await site.DeliverAsync(body, StripeDeliveries.Sign(body, StripeSiteFactory.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var unsigned = await site.DeliverAsync(body, "");
        var garbage = await site.DeliverAsync(body, "t=abc,v1=zz");

        Assert.All(new[] { forged, tampered, stale, unsigned, garbage }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(OrderState.PendingPayment, (await site.OrderAsync(order.Id)).State);
        Assert.Equal(0, await site.PaymentsForAsync(order.Id));
        Assert.False(await site.WithDbAsync(db => db.ProcessedPaymentEvents.AnyAsync(e => body.Contains(e.EventId))));
    }

    [Fact]
    public async Task A_repeated_delivery_is_answered_200_and_applied_once()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        var eventId = NewId("evt_");
        var body = StripeDeliveries.Session(eventId, "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid");

        var first = await site.DeliverAsync(body);
        var second = await site.DeliverAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await site.PaymentsForAsync(order.Id));
        Assert.Equal(1, await site.WithDbAsync(db => db.TaxInvoices.CountAsync(t => t.OrderId == order.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.SummaryTemplate!.Contains(eventId))));
    }

    [Fact]
    public async Task Ten_concurrent_deliveries_of_one_event_record_exactly_one_payment_and_one_receipt()
    {
        var (order, _) = await site.PlaceCheckoutOrderAsync();
        var body = StripeDeliveries.Session(NewId("evt_"), "checkout.session.completed", order.CheckoutSessionId!, order.Id, order.TotalSatang, "paid");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => site.DeliverAsync(body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(OrderState.Paid, (await site.OrderAsync(order.Id)).State);
        Assert.Equal(1, await site.PaymentsForAsync(order.Id));
        Assert.Equal(1, await site.WithDbAsync(db => db.TaxInvoices.CountAsync(t => t.OrderId == order.Id)));
    }

    [Fact]
    public async Task Events_it_does_not_use_are_answered_200()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = NewId("evt_"),
            @object = "event",
            type = "customer.created",
            api_version = "2020-08-27",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            data = new { @object = new { id = "cus_1", @object = "customer" } }
        });
        Assert.Equal(HttpStatusCode.OK, (await site.DeliverAsync(body)).StatusCode);
    }
}
