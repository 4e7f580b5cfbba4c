using System.Globalization;
using Marketplace.Core.Features.Procurement;

namespace Marketplace.Web.Payments;

/// <summary>Reduces a verified Stripe event to what an order needs; everything else about it stays here.</summary>
public static class StripeEvents
{
    public static PaymentEvent ToPaymentEvent(Stripe.Event e)
    {
        var kind = e.Type switch
        {
            "checkout.session.completed" => PaymentEventKind.CheckoutCompleted,
            "checkout.session.async_payment_succeeded" => PaymentEventKind.AsyncPaymentSucceeded,
            "checkout.session.async_payment_failed" => PaymentEventKind.AsyncPaymentFailed,
            "checkout.session.expired" => PaymentEventKind.CheckoutExpired,
            "charge.refunded" => PaymentEventKind.ChargeRefunded,
            _ => PaymentEventKind.Other,
        };
        return e.Data.Object switch
        {
            Stripe.Checkout.Session s when kind is not (PaymentEventKind.ChargeRefunded or PaymentEventKind.Other) =>
                new PaymentEvent(e.Id, e.Type, kind, OrderId(s.ClientReferenceId) ?? OrderId(s.Metadata), s.Id, s.PaymentIntentId,
                    s.PaymentStatus, s.AmountTotal ?? 0, s.Currency, 0),
            Stripe.Charge c when kind == PaymentEventKind.ChargeRefunded =>
                new PaymentEvent(e.Id, e.Type, kind, OrderId(c.Metadata), null, c.PaymentIntentId, c.Paid ? "paid" : "unpaid",
                    c.Amount, c.Currency, c.AmountRefunded),
            _ => new PaymentEvent(e.Id, e.Type, PaymentEventKind.Other, null, null, null, null, 0, null, 0),
        };
    }

    private static int? OrderId(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("order_id", out var id) ? OrderId(id) : null;

    private static int? OrderId(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
