using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using MediatR;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The purchase-order route after the buyer submitted it: the vendor accepts or declines the PO, the vendor issues its
/// invoice, the agency's finance records the payment with its reference. Each step is the entity's to allow.
/// </summary>
public static class PurchaseOrderSteps
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Accept(int OrderId) : ICommand<Unit>;

    [RequiresRole(Roles.Vendor)]
    public sealed record Decline(int OrderId, string? Reason) : ICommand<Unit>;

    [RequiresRole(Roles.Vendor)]
    public sealed record IssueInvoice(int OrderId, string? InvoiceNumber) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record RecordPayment(int OrderId, string? PaymentReference) : ICommand<Unit>;

    public sealed class IssueInvoiceValidator : AbstractValidator<IssueInvoice>
    {
        public IssueInvoiceValidator() => RuleFor(x => x.InvoiceNumber).NotEmpty().MaximumLength(64)
            .WithMessage(_ => Texts.Get("Features.Procurement.PurchaseOrderSteps.EnterTheInvoiceNumber"));
    }

    public sealed class RecordPaymentValidator : AbstractValidator<RecordPayment>
    {
        public RecordPaymentValidator() => RuleFor(x => x.PaymentReference).NotEmpty().MaximumLength(128)
            .WithMessage(_ => Texts.Get("Features.Procurement.PurchaseOrderSteps.EnterThePaymentReference"));
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, OrderEffects effects)
        : IRequestHandler<Accept, Unit>, IRequestHandler<Decline, Unit>, IRequestHandler<IssueInvoice, Unit>, IRequestHandler<RecordPayment, Unit>
    {
        public async Task<Unit> Handle(Accept request, CancellationToken cancellationToken)
        {
            var order = await db.VendorsOrderAsync(user, request.OrderId, cancellationToken);
            order.AcceptPurchaseOrder();
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Accepted"), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.PurchaseOrderAccepted"), cancellationToken);
        }

        public async Task<Unit> Handle(Decline request, CancellationToken cancellationToken)
        {
            var order = await db.VendorsOrderAsync(user, request.OrderId, cancellationToken);
            order.DeclinePurchaseOrder(request.Reason ?? "", clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Declined", TextArg.Plain(order.Reason)), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.PurchaseOrderDeclined", TextArg.Plain(order.Reason)), cancellationToken);
        }

        public async Task<Unit> Handle(IssueInvoice request, CancellationToken cancellationToken)
        {
            var order = await db.VendorsOrderAsync(user, request.OrderId, cancellationToken);
            order.IssueInvoice(request.InvoiceNumber!, clock.Now);
            await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Invoiced", TextArg.Plain(order.VendorInvoiceNumber)), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.InvoiceIssued", TextArg.Plain(order.VendorInvoiceNumber)), cancellationToken);
        }

        public async Task<Unit> Handle(RecordPayment request, CancellationToken cancellationToken)
        {
            var order = await db.BuyersOrderAsync(user, request.OrderId, cancellationToken);
            order.RecordPurchaseOrderPayment(request.PaymentReference!, clock.Now);
            // RecordPurchaseOrderPayment has made it Paid; the effects record the one payment and the tax invoice.
            await effects.PaymentReceivedAsync(order, new Payment(order.Id, Payment.PurchaseOrder, order.PaymentReference!, order.TotalSatang, clock.Now), cancellationToken);
            return await SaveAsync(order, TextArg.Of("Audit.Summary.PaymentRecorded", TextArg.Plain(order.PaymentReference)), cancellationToken);
        }

        private async Task<Unit> SaveAsync(Order order, TextArg summary, CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            audit.Record(nameof(Order), () => order.Id, summary);
            return Unit.Value;
        }
    }
}
