using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// Applies one verified Stripe event to its order. Only the webhook endpoint sends this, after checking the signature.
/// Each event id is recorded (its primary key makes a second recording impossible), so a repeated delivery changes
/// nothing; events may arrive in any order: a refund before the payment it refunds, a late expiry of a paid session.
/// </summary>
public static class RecordPaymentEvent
{
    public sealed record Command(PaymentEvent Event) : ICommand<Outcome>;

    public enum Outcome { Applied, Ignored }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit, OrderEffects effects) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var e = request.Event;
            // Checked inside the transaction, which holds the write lock on SQLite; the primary key guards other databases.
            if (await db.ProcessedPaymentEvents.AnyAsync(p => p.EventId == e.EventId, cancellationToken))
                throw new PaymentEventAlreadyProcessedException(e.EventId);
            db.ProcessedPaymentEvents.Add(new ProcessedPaymentEvent(e.EventId, e.Type, clock.Now));

            var order = await FindOrderAsync(e, cancellationToken);
            var summary = order is null ? TextArg.Of("Audit.Stripe.NoOrder") : e.Kind switch
            {
                PaymentEventKind.CheckoutCompleted when e.PaymentStatus == "paid" => await PayAsync(order, e, cancellationToken),
                PaymentEventKind.CheckoutCompleted => TextArg.Of("Audit.Stripe.AwaitingConfirmation"),
                PaymentEventKind.AsyncPaymentSucceeded => await PayAsync(order, e, cancellationToken),
                PaymentEventKind.AsyncPaymentFailed => await FailAsync(order, e, Texts.Get("Features.Procurement.RecordPaymentEvent.ThePaymentFailed"), cancellationToken),
                PaymentEventKind.CheckoutExpired => await FailAsync(order, e, Texts.Get("Features.Procurement.RecordPaymentEvent.TheCheckoutExpired"), cancellationToken),
                PaymentEventKind.ChargeRefunded => await RefundAsync(order, e, cancellationToken),
                _ => TextArg.Of("Audit.Stripe.NotUsed"),
            };
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Order), () => order?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                TextArg.Of("Audit.Summary.StripeEvent", TextArg.Plain(e.Type), TextArg.Plain(e.EventId), summary));
            return order is null ? Outcome.Ignored : Outcome.Applied;
        }

        private async Task<Order?> FindOrderAsync(PaymentEvent e, CancellationToken ct)
        {
            if (e.OrderId is { } id)
                return await db.Orders.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (e.PaymentIntentId is { } intent)
            {
                var orderId = await db.Payments.Where(p => p.Reference == intent).Select(p => (int?)p.OrderId).SingleOrDefaultAsync(ct);
                return orderId is null ? null : await db.Orders.SingleAsync(o => o.Id == orderId, ct);
            }
            return null;
        }

        private async Task<TextArg> PayAsync(Order order, PaymentEvent e, CancellationToken ct)
        {
            if (e.AmountSatang != order.TotalSatang || !string.Equals(e.Currency, "thb", StringComparison.OrdinalIgnoreCase))
                return TextArg.Of("Audit.Stripe.AmountMismatch", TextArg.Plain($"{e.AmountSatang} {e.Currency}"), TextArg.Money(order.TotalSatang));
            if (await db.Payments.AnyAsync(p => p.OrderId == order.Id, ct))
                return TextArg.Of("Audit.Stripe.AlreadyRecorded");
            var payment = new Payment(order.Id, Payment.Stripe, e.PaymentIntentId ?? e.SessionId ?? e.EventId, e.AmountSatang, clock.Now);
            if (order.State is not (OrderState.PendingPayment or OrderState.PaymentFailed))
            {
                // The money is real even if the order moved on (cancelled, say): keep it on record for a refund.
                db.Payments.Add(payment);
                return TextArg.Of("Audit.Stripe.PaidAfterward", StateOf(order.State));
            }
            await effects.PaidAsync(order, payment, ct);
            return TextArg.Of("Audit.Stripe.Paid");
        }

        private async Task<TextArg> FailAsync(Order order, PaymentEvent e, string reason, CancellationToken ct)
        {
            if (e.SessionId is null || !order.MarkCheckoutFailed(e.SessionId, reason))
                return TextArg.Of("Audit.Stripe.NotTheOpenCheckout", StateOf(order.State));
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.PaymentFailed"), ct);
            return TextArg.Plain(reason);
        }

        private async Task<TextArg> RefundAsync(Order order, PaymentEvent e, CancellationToken ct)
        {
            var payment = await db.Payments.SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
            if (payment is null)
            {
                // The refund overtook the payment event: record the payment it refunds, so the later event finds it.
                payment = new Payment(order.Id, Payment.Stripe, e.PaymentIntentId ?? e.EventId, e.AmountSatang, clock.Now);
                db.Payments.Add(payment);
            }
            payment.RecordRefund(order, e.AmountRefundedSatang, clock.Now);
            if (e.AmountRefundedSatang < e.AmountSatang || order.State == OrderState.Refunded)
                return TextArg.Of("Audit.Stripe.PartlyRefunded", TextArg.Money(e.AmountRefundedSatang), TextArg.Money(e.AmountSatang), StateOf(order.State));
            order.MarkRefunded(clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Refunded"), ct);
            return TextArg.Of("Audit.Stripe.Refunded");
        }

        /// <summary>An order's state as the order page names it.</summary>
        private static TextArg StateOf(OrderState state) =>
            TextArg.Of("Pages.Procurement.OrderLabels." + (state == OrderState.PendingPayment ? "AwaitingPayment" : state.ToString()));
    }
}

/// <summary>The event was applied before: the endpoint answers 200 and the transaction that found out rolls back.</summary>
public sealed class PaymentEventAlreadyProcessedException(string eventId) : Exception($"Stripe event {eventId} was already processed");
