using Marketplace.Core.Common;
using Marketplace.Core.Domain.Procurement;

namespace Marketplace.Core.Tests.Procurement;

public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Order NewOrder(PaymentRoute route = PaymentRoute.Checkout) => new(
        new PackageSnapshot(1, "wallet", "กระเป๋าสุขภาพ", "Health wallet", "นำร่อง 90 วัน", "90-day pilot", 15_000_000, 90, "ติดตั้ง", "Set-up"),
        new PartiesSnapshot(2, "ผู้ขาย", "Vendor", "0105561048219", "1 ถนนสุขุมวิท", "สำนักงานใหญ่", 3, "หน่วยงาน", "Agency", "ที่อยู่", null, "u1", "Buyer"),
        route, Now);

    [Fact]
    public void An_unpaid_order_cannot_start_delivery_be_completed_or_be_refunded_twice()
    {
        var order = NewOrder();
        Assert.Throws<DomainRuleException>(() => order.StartDelivery(Now));
        Assert.Throws<DomainRuleException>(() => order.Complete(Now));
        order.MarkRefunded(Now);
        Assert.Throws<DomainRuleException>(() => order.MarkRefunded(Now));
        Assert.Equal(OrderState.Refunded, order.State);
    }

    [Fact]
    public void A_paid_order_moves_through_delivery_to_completion_and_cannot_be_paid_again_or_cancelled()
    {
        var order = NewOrder();
        order.MarkPaid(Now);
        Assert.Throws<DomainRuleException>(() => order.MarkPaid(Now));
        Assert.Throws<DomainRuleException>(() => order.Cancel("changed our mind", Now));
        Assert.Throws<DomainRuleException>(() => order.Complete(Now));
        order.StartDelivery(Now);
        order.Complete(Now.AddDays(90));
        Assert.Equal(OrderState.Completed, order.State);
    }

    [Fact]
    public void An_order_with_an_open_checkout_cannot_be_cancelled_until_it_expires()
    {
        var order = NewOrder();
        order.StartCheckout("cs_1", "https://checkout", Now.AddMinutes(30), Now);
        Assert.False(order.CanPayOnline(Now));
        Assert.Throws<DomainRuleException>(() => order.Cancel("too slow", Now));
        order.Cancel("too slow", Now.AddMinutes(31));
        Assert.Equal(OrderState.Cancelled, order.State);
    }

    [Fact]
    public void Only_the_current_checkout_attempt_can_fail_the_order()
    {
        var order = NewOrder();
        order.StartCheckout("cs_old", "u", Now.AddMinutes(30), Now);
        order.MarkCheckoutFailed("cs_old", "expired");
        order.StartCheckout("cs_new", "u", Now.AddMinutes(60), Now.AddMinutes(31));
        Assert.False(order.MarkCheckoutFailed("cs_old", "late failure of the old attempt"));
        Assert.Equal(OrderState.PendingPayment, order.State);
        Assert.Equal("order-0-attempt-3", order.IdempotencyKeyForNextAttempt);
    }

    [Fact]
    public void The_purchase_order_steps_run_in_order_and_a_decline_needs_a_reason()
    {
        var order = NewOrder(PaymentRoute.PurchaseOrder);
        order.SubmitPurchaseOrder("PO-1");
        Assert.Throws<DomainRuleException>(() => order.IssueInvoice("INV-1", Now));
        Assert.Throws<DomainRuleException>(() => order.RecordPurchaseOrderPayment("REF", Now));
        Assert.Throws<DomainRuleException>(() => order.DeclinePurchaseOrder(" ", Now));
        order.AcceptPurchaseOrder();
        Assert.Throws<DomainRuleException>(() => order.AcceptPurchaseOrder());
        order.IssueInvoice("INV-1", Now);
        order.RecordPurchaseOrderPayment("REF", Now);
        Assert.Equal(OrderState.Paid, order.State);
        Assert.Throws<DomainRuleException>(() => order.StartCheckout("cs", "u", Now.AddMinutes(30), Now));
    }

    [Fact]
    public void The_public_record_date_is_unset_until_paid_then_follows_the_latest_change_including_a_refund()
    {
        var order = NewOrder();
        order.StartCheckout("cs_1", "u", Now.AddMinutes(30), Now);
        Assert.Null(order.RecordChangedAt);
        order.MarkPaid(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), order.RecordChangedAt);
        order.StartDelivery(Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), order.RecordChangedAt);
        var payment = new Payment(order.Id, Payment.Stripe, "pi_1", order.TotalSatang, Now.AddHours(1));
        payment.RecordRefund(order, 1_000, Now.AddDays(3));
        Assert.Equal(Now.AddDays(3), order.RecordChangedAt);
        // Events may arrive out of order: an earlier closing does not move the date back.
        order.MarkRefunded(Now.AddDays(2));
        Assert.Equal(Now.AddDays(3), order.RecordChangedAt);
        Assert.Throws<InvalidOperationException>(() => new Payment(order.Id + 1, Payment.Stripe, "pi_2", 1, Now).RecordRefund(order, 1, Now));
    }

    [Fact]
    public void An_unpaid_order_closed_or_refunded_has_no_public_record_date()
    {
        var order = NewOrder();
        new Payment(order.Id, Payment.Stripe, "pi_1", order.TotalSatang, Now).RecordRefund(order, order.TotalSatang, Now);
        order.MarkRefunded(Now);
        Assert.Null(order.RecordChangedAt);
    }

    [Theory]
    [InlineData(15_000_000, 981_308)]
    [InlineData(107, 7)]
    [InlineData(1_000, 65)]
    public void VAT_is_the_seven_in_a_hundred_and_seven_of_a_VAT_inclusive_price_rounded_half_up(long total, long vat) =>
        Assert.Equal(vat, TaxInvoice.VatIncluded(total));
}
