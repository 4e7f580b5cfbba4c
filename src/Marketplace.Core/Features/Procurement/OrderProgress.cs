using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using MediatR;

namespace Marketplace.Core.Features.Procurement;

/// <summary>After payment the vendor confirms that delivery has started and marks it complete; before it, the buyer may cancel.</summary>
public static class OrderProgress
{
    [RequiresRole(Roles.Vendor)]
    public sealed record StartDelivery(int OrderId) : ICommand<Unit>;

    [RequiresRole(Roles.Vendor)]
    public sealed record Complete(int OrderId) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Cancel(int OrderId, string? Reason) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, OrderEffects effects)
        : IRequestHandler<StartDelivery, Unit>, IRequestHandler<Complete, Unit>, IRequestHandler<Cancel, Unit>
    {
        public async Task<Unit> Handle(StartDelivery request, CancellationToken cancellationToken)
        {
            var order = await db.VendorsOrderAsync(user, request.OrderId, cancellationToken);
            order.StartDelivery(clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.DeliveryStarted"), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.DeliveryStarted"), cancellationToken);
        }

        public async Task<Unit> Handle(Complete request, CancellationToken cancellationToken)
        {
            var order = await db.VendorsOrderAsync(user, request.OrderId, cancellationToken);
            order.Complete(clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Delivered"), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.OrderCompleted"), cancellationToken);
        }

        public async Task<Unit> Handle(Cancel request, CancellationToken cancellationToken)
        {
            var order = await db.BuyersOrderAsync(user, request.OrderId, cancellationToken);
            order.Cancel(request.Reason ?? "", clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Cancelled", TextArg.Plain(order.Reason)), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.OrderCancelled", TextArg.Plain(order.Reason)), cancellationToken);
        }

        private async Task<Unit> SaveAsync(Order order, TextArg summary, CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            audit.Record(nameof(Order), () => order.Id, summary);
            return Unit.Value;
        }
    }
}
