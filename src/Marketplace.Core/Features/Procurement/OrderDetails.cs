using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// One order as its buyer, its vendor or a moderator sees it, with its receipt / tax invoice once paid; the signed
/// purchase order as a file. Anyone else is refused (403), whatever the id in the address.
/// </summary>
public static class OrderDetails
{
    public sealed record Query(int OrderId) : IRequest<Result>;

    public sealed record Result(Order Order, OrderViewer Viewer, TaxInvoice? TaxInvoice, Payment? Payment, bool HasPurchaseOrderFile,
        bool CanPayOnline, bool HasOpenCheckout);

    public sealed record PurchaseOrderFile(int OrderId) : IRequest<File>;

    public sealed record File(string FileName, byte[] Content);

    /// <summary>The buyer's order behind an open checkout session, for the simulated checkout page.</summary>
    [Behaviours.RequiresRole(Roles.Buyer)]
    public sealed record OpenCheckout(string SessionId) : IRequest<Order>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock)
        : IRequestHandler<Query, Result>, IRequestHandler<PurchaseOrderFile, File>, IRequestHandler<OpenCheckout, Order>
    {
        public async Task<Order> Handle(OpenCheckout request, CancellationToken cancellationToken)
        {
            var orderId = await db.Orders.Where(o => o.CheckoutSessionId == request.SessionId).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Procurement.OrderDetails.ThisCheckoutDoesNotExistOr"));
            return await db.BuyersOrderAsync(user, orderId, cancellationToken);
        }

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var order = await OrderAccess.FindAsync(db, request.OrderId, cancellationToken);
            var viewer = await db.ViewerOfAsync(user, order, cancellationToken);
            var invoice = await db.TaxInvoices.AsNoTracking().SingleOrDefaultAsync(t => t.OrderId == order.Id, cancellationToken);
            var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == order.Id, cancellationToken);
            var hasFile = await db.PurchaseOrderDocuments.AnyAsync(d => d.OrderId == order.Id, cancellationToken);
            return new Result(order, viewer, invoice, payment, hasFile, viewer == OrderViewer.Buyer && order.CanPayOnline(clock.Now),
                order.HasOpenCheckout(clock.Now));
        }

        public async Task<File> Handle(PurchaseOrderFile request, CancellationToken cancellationToken)
        {
            var order = await OrderAccess.FindAsync(db, request.OrderId, cancellationToken);
            await db.ViewerOfAsync(user, order, cancellationToken);
            return await db.PurchaseOrderDocuments.AsNoTracking().Where(d => d.OrderId == order.Id)
                .Select(d => new File(d.FileName, d.Content)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Procurement.OrderDetails.ThisOrderHasNoPurchaseOrder"));
        }
    }
}
