using Marketplace.Core.Common;
using Marketplace.Core.Domain.Procurement;

namespace Marketplace.Web.Pages.Procurement;

public static class OrderLabels
{
    public static string State(OrderState state, PurchaseOrderState? purchaseOrder = null) => (state, purchaseOrder) switch
    {
        (OrderState.PendingPayment, PurchaseOrderState.Submitted) => Texts.Get("Pages.Procurement.OrderLabels.PurchaseOrderAwaitingTheVendor"),
        (OrderState.PendingPayment, PurchaseOrderState.Accepted) => Texts.Get("Pages.Procurement.OrderLabels.AwaitingTheVendorSInvoice"),
        (OrderState.PendingPayment, PurchaseOrderState.Invoiced) => Texts.Get("Pages.Procurement.OrderLabels.AwaitingTheAgencySPayment"),
        (OrderState.PendingPayment, _) => Texts.Get("Pages.Procurement.OrderLabels.AwaitingPayment"),
        (OrderState.Paid, _) => Texts.Get("Pages.Procurement.OrderLabels.Paid"),
        (OrderState.InDelivery, _) => Texts.Get("Pages.Procurement.OrderLabels.InDelivery"),
        (OrderState.Completed, _) => Texts.Get("Pages.Procurement.OrderLabels.Completed"),
        (OrderState.Cancelled, _) => Texts.Get("Pages.Procurement.OrderLabels.Cancelled"),
        (OrderState.Refunded, _) => Texts.Get("Pages.Procurement.OrderLabels.Refunded"),
        (OrderState.PaymentFailed, _) => Texts.Get("Pages.Procurement.OrderLabels.PaymentFailed"),
        _ => state.ToString(),
    };

    public static string Route(PaymentRoute route) => route == PaymentRoute.Checkout
        ? Texts.Get("Pages.Procurement.OrderLabels.CardOrPromptPayStripe")
        : Texts.Get("Pages.Procurement.OrderLabels.PurchaseOrder");
}
