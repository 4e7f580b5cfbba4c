using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Procurement;

public enum OrderState { PendingPayment, Paid, InDelivery, Completed, Cancelled, Refunded, PaymentFailed }

/// <summary>How the agency pays: online through Stripe Checkout (card or PromptPay), or with its own purchase order.</summary>
public enum PaymentRoute { Checkout, PurchaseOrder }

/// <summary>The purchase-order route's own steps, inside <see cref="OrderState.PendingPayment"/>.</summary>
public enum PurchaseOrderState { Submitted, Accepted, Invoiced }

/// <summary>What was bought, frozen at the moment of ordering: later edits of the listing never change an order.</summary>
public sealed record PackageSnapshot(int ListingId, string ListingSlug, string ListingTitleTh, string? ListingTitleEn,
    string NameTh, string? NameEn, long PriceSatang, int DurationDays, string IncludesTh, string? IncludesEn);

/// <summary>Who sold and who bought, frozen at the moment of ordering, as the tax invoice must show them.</summary>
public sealed record PartiesSnapshot(int VendorId, string VendorNameTh, string VendorNameEn, string VendorJuristicNumber,
    string VendorAddress, string VendorBranch, int AgencyId, string AgencyNameTh, string AgencyNameEn, string BillingAddress, string? AgencyTaxId,
    string BuyerUserId, string BuyerName);

/// <summary>
/// One agency buying one pilot package. Every transition is a method that refuses an illegal move. Only a verified
/// payment (a signed Stripe webhook, or the buyer's finance recording the purchase-order payment) makes it Paid.
/// </summary>
public sealed class Order
{
    private Order() { }

    public Order(PackageSnapshot package, PartiesSnapshot parties, PaymentRoute route, DateTimeOffset now)
    {
        Package = package;
        Parties = parties;
        VendorId = parties.VendorId;
        AgencyId = parties.AgencyId;
        ListingId = package.ListingId;
        TotalSatang = package.PriceSatang;
        Route = route;
        State = OrderState.PendingPayment;
        PlacedAt = now;
    }

    public int Id { get; private set; }
    public PackageSnapshot Package { get; private set; } = null!;
    public PartiesSnapshot Parties { get; private set; } = null!;

    // Copies of the snapshot's keys, so pages filter and authorise in SQL.
    public int VendorId { get; private set; }
    public int AgencyId { get; private set; }
    public int ListingId { get; private set; }

    /// <summary>What the agency pays, VAT included (listed prices include VAT: see README).</summary>
    public long TotalSatang { get; private set; }
    public PaymentRoute Route { get; private set; }
    public OrderState State { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? DeliveryStartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// When the public record of a paid order (its OCDS contract release) last changed: the latest of payment, delivery,
    /// completion, closing and refund. Null until paid, as unpaid orders are never published. Stored, so the open-data
    /// feed reads orders in date order through an index instead of computing the date for every order.
    /// </summary>
    public DateTimeOffset? RecordChangedAt { get; private set; }
    public string? Reason { get; private set; }

    // Checkout route: the current attempt. A new attempt gets a new idempotency key, a retry of the same one does not.
    public int CheckoutAttempt { get; private set; }
    public string? CheckoutSessionId { get; private set; }
    public string? CheckoutUrl { get; private set; }
    public DateTimeOffset? CheckoutExpiresAt { get; private set; }

    // Purchase-order route.
    public string? PurchaseOrderNumber { get; private set; }
    public PurchaseOrderState? PurchaseOrder { get; private set; }
    public string? VendorInvoiceNumber { get; private set; }
    public DateTimeOffset? InvoicedAt { get; private set; }
    public string? PaymentReference { get; private set; }

    public string Number => $"GTM-{Id:D6}";

    public bool HasOpenCheckout(DateTimeOffset now) => CheckoutSessionId is not null && CheckoutExpiresAt > now;

    public bool CanPayOnline(DateTimeOffset now) =>
        Route == PaymentRoute.Checkout && State is OrderState.PendingPayment or OrderState.PaymentFailed && !HasOpenCheckout(now);

    public string IdempotencyKeyForNextAttempt => $"order-{Id}-attempt-{CheckoutAttempt + 1}";

    public void StartCheckout(string sessionId, string url, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        if (!CanPayOnline(now))
            Refuse(Texts.Get("Domain.Procurement.Order.ThisOrderCannotBePaidOnline"));
        CheckoutAttempt++;
        CheckoutSessionId = sessionId;
        CheckoutUrl = url;
        CheckoutExpiresAt = expiresAt;
        State = OrderState.PendingPayment;
        Reason = null;
    }

    public void SubmitPurchaseOrder(string number)
    {
        if (Route != PaymentRoute.PurchaseOrder || PurchaseOrder is not null)
            Refuse(Texts.Get("Domain.Procurement.Order.APurchaseOrderCanBeSubmitted"));
        PurchaseOrderNumber = number.Trim();
        PurchaseOrder = PurchaseOrderState.Submitted;
    }

    public void AcceptPurchaseOrder()
    {
        RequirePurchaseOrder(PurchaseOrderState.Submitted, Texts.Get("Domain.Procurement.Order.OnlyAPurchaseOrderWaitingFor"));
        PurchaseOrder = PurchaseOrderState.Accepted;
    }

    /// <summary>The agency sees the reason, so it must say what the vendor cannot do.</summary>
    public void DeclinePurchaseOrder(string reason, DateTimeOffset now)
    {
        RequirePurchaseOrder(PurchaseOrderState.Submitted, Texts.Get("Domain.Procurement.Order.OnlyAPurchaseOrderWaitingFor2"));
        RequireReason(reason);
        Close(OrderState.Cancelled, reason, now);
    }

    public void IssueInvoice(string invoiceNumber, DateTimeOffset now)
    {
        RequirePurchaseOrder(PurchaseOrderState.Accepted, Texts.Get("Domain.Procurement.Order.AnInvoiceCanBeIssuedOnce"));
        VendorInvoiceNumber = invoiceNumber.Trim();
        InvoicedAt = now;
        PurchaseOrder = PurchaseOrderState.Invoiced;
    }

    public void RecordPurchaseOrderPayment(string reference, DateTimeOffset now)
    {
        RequirePurchaseOrder(PurchaseOrderState.Invoiced, Texts.Get("Domain.Procurement.Order.PaymentCanBeRecordedOnceThe"));
        PaymentReference = reference.Trim();
        MarkPaid(now);
    }

    /// <summary>Money arrived. From PaymentFailed too: a later attempt may succeed after an earlier one failed.</summary>
    public void MarkPaid(DateTimeOffset now)
    {
        if (State is not (OrderState.PendingPayment or OrderState.PaymentFailed))
            Refuse(Texts.Get("Domain.Procurement.Order.ThisOrderIsNotWaitingFor"));
        State = OrderState.Paid;
        PaidAt = now;
        Reason = null;
        RecordChanged(now);
    }

    /// <summary>Only the current attempt's failure counts: an older attempt failing says nothing about the newest.</summary>
    public bool MarkCheckoutFailed(string sessionId, string reason)
    {
        if (State != OrderState.PendingPayment || CheckoutSessionId != sessionId)
            return false;
        State = OrderState.PaymentFailed;
        CheckoutSessionId = null;
        CheckoutUrl = null;
        CheckoutExpiresAt = null;
        Reason = reason;
        return true;
    }

    public void StartDelivery(DateTimeOffset now)
    {
        if (State != OrderState.Paid)
            Refuse(Texts.Get("Domain.Procurement.Order.DeliveryCanStartOnlyOnA"));
        State = OrderState.InDelivery;
        DeliveryStartedAt = now;
        RecordChanged(now);
    }

    public void Complete(DateTimeOffset now)
    {
        if (State != OrderState.InDelivery)
            Refuse(Texts.Get("Domain.Procurement.Order.OnlyAnOrderInDeliveryCan"));
        State = OrderState.Completed;
        CompletedAt = now;
        RecordChanged(now);
    }

    /// <summary>The buyer gives up before paying; not while a checkout is open, or money could arrive for a cancelled order.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (State is not (OrderState.PendingPayment or OrderState.PaymentFailed))
            Refuse(Texts.Get("Domain.Procurement.Order.OnlyAnUnpaidOrderCanBe"));
        if (HasOpenCheckout(now))
            Refuse(Texts.Get("Domain.Procurement.Order.AnOnlinePaymentIsStillOpen"));
        RequireReason(reason);
        Close(OrderState.Cancelled, reason, now);
    }

    /// <summary>Stripe returned the money in full. Accepted from any state that money may have reached, even out of order.</summary>
    public void MarkRefunded(DateTimeOffset now)
    {
        if (State == OrderState.Refunded)
            Refuse(Texts.Get("Domain.Procurement.Order.AlreadyRefunded"));
        Close(OrderState.Refunded, null, now);
    }

    private void Close(OrderState state, string? reason, DateTimeOffset now)
    {
        State = state;
        Reason = reason?.Trim();
        ClosedAt = now;
        CheckoutSessionId = null;
        CheckoutUrl = null;
        CheckoutExpiresAt = null;
        RecordChanged(now);
    }

    /// <summary>Money went back (see <see cref="Payment.RecordRefund"/>): the public record shows the refund.</summary>
    internal void RefundRecorded(DateTimeOffset now) => RecordChanged(now);

    private void RecordChanged(DateTimeOffset now)
    {
        if (PaidAt is not null && (RecordChangedAt is null || now > RecordChangedAt))
            RecordChangedAt = now;
    }

    private void RequirePurchaseOrder(PurchaseOrderState expected, string message)
    {
        if (Route != PaymentRoute.PurchaseOrder || PurchaseOrder != expected || State != OrderState.PendingPayment)
            Refuse(message);
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            Refuse(Texts.Get("Domain.Procurement.Order.GiveAReasonTheOtherSide"));
    }

    private static void Refuse(string message) => throw new DomainRuleException(message);
}
