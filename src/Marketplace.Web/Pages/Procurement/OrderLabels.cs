using Marketplace.Core.Common;
using Marketplace.Core.Domain.Procurement;

namespace Marketplace.Web.Pages.Procurement;

public static class OrderLabels
{
    public static string State(OrderState state, PurchaseOrderState? purchaseOrder = null) => (state, purchaseOrder) switch
    {
        (OrderState.PendingPayment, PurchaseOrderState.Submitted) => Bi.T("รอผู้ขายตอบรับใบสั่งซื้อ", "Purchase order awaiting the vendor"),
        (OrderState.PendingPayment, PurchaseOrderState.Accepted) => Bi.T("รอผู้ขายออกใบแจ้งหนี้", "Awaiting the vendor's invoice"),
        (OrderState.PendingPayment, PurchaseOrderState.Invoiced) => Bi.T("รอหน่วยงานชำระเงิน", "Awaiting the agency's payment"),
        (OrderState.PendingPayment, _) => Bi.T("รอชำระเงิน", "Awaiting payment"),
        (OrderState.Paid, _) => Bi.T("ชำระเงินแล้ว", "Paid"),
        (OrderState.InDelivery, _) => Bi.T("กำลังส่งมอบ", "In delivery"),
        (OrderState.Completed, _) => Bi.T("ส่งมอบครบแล้ว", "Completed"),
        (OrderState.Cancelled, _) => Bi.T("ยกเลิก", "Cancelled"),
        (OrderState.Refunded, _) => Bi.T("คืนเงินแล้ว", "Refunded"),
        (OrderState.PaymentFailed, _) => Bi.T("ชำระเงินไม่สำเร็จ", "Payment failed"),
        _ => state.ToString(),
    };

    public static string Route(PaymentRoute route) => route == PaymentRoute.Checkout
        ? Bi.T("บัตรหรือพร้อมเพย์ (Stripe)", "Card or PromptPay (Stripe)")
        : Bi.T("ใบสั่งซื้อ", "Purchase order");
}
