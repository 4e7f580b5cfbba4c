using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// Opens a Stripe Checkout Session (card and PromptPay, THB) for the buyer's unpaid order and returns where to send
/// the browser. An open session is reused. The session is created inside the command's transaction with an
/// idempotency key per attempt: if saving fails after Stripe answered, the retry sends the same key and gets the
/// same session back instead of a second one.
/// </summary>
public static class StartCheckout
{
    /// <param name="SiteUrl">The site's absolute base address, for the success and cancel pages.</param>
    [RequiresRole(Roles.Buyer)]
    public sealed record Command(int OrderId, string SiteUrl) : ICommand<string>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, IPaymentGateway gateway)
        : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var order = await db.BuyersOrderAsync(user, request.OrderId, cancellationToken);
            if (order.HasOpenCheckout(clock.Now) && order.CheckoutUrl is { } open)
                return open;
            if (!order.CanPayOnline(clock.Now))
                throw new DomainRuleException(Texts.Get("Features.Procurement.StartCheckout.ThisOrderCannotBePaidOnline"));

            var email = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
            var site = request.SiteUrl.TrimEnd('/');
            var expiresAt = clock.Now + CheckoutLimits.SessionLifetime;
            var session = await gateway.CreateCheckoutSessionAsync(new CheckoutRequest(order.Id, order.Number,
                $"{order.Package.ListingTitleTh} · {order.Package.NameTh}", order.TotalSatang,
                $"{site}/orders/{order.Id}/paid", $"{site}/orders/{order.Id}/payment-cancelled",
                order.IdempotencyKeyForNextAttempt, email, expiresAt), cancellationToken);
            order.StartCheckout(session.Id, session.Url, expiresAt, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Order), () => order.Id, TextArg.Of("Audit.Summary.CheckoutOpened", TextArg.Plain($"{order.CheckoutAttempt}"), TextArg.Plain(session.Id)));
            return session.Url;
        }
    }
}
