namespace Marketplace.Core.Domain.Procurement;

/// <summary>
/// Money received for an order. At most one per order (a unique index): however many times Stripe repeats an event,
/// or however many of its events race, an order is paid once.
/// </summary>
public sealed class Payment
{
    private Payment() { }

    public Payment(int orderId, string provider, string reference, long amountSatang, DateTimeOffset receivedAt)
    {
        OrderId = orderId;
        Provider = provider;
        Reference = reference;
        AmountSatang = amountSatang;
        ReceivedAt = receivedAt;
    }

    public const string Stripe = "stripe";
    public const string PurchaseOrder = "purchase-order";

    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public string Provider { get; private set; } = "";

    /// <summary>Stripe's payment intent, or the agency's payment reference.</summary>
    public string Reference { get; private set; } = "";
    public long AmountSatang { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public long RefundedSatang { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Takes the order too, so the order's public record can never miss a refund.</summary>
    public void RecordRefund(Order order, long amountSatang, DateTimeOffset now)
    {
        if (order.Id != OrderId)
            throw new InvalidOperationException($"Payment {Id} belongs to order {OrderId}, not {order.Id}");
        RefundedSatang = Math.Min(amountSatang, AmountSatang);
        RefundedAt = now;
        order.RefundRecorded(now);
    }
}

/// <summary>A Stripe event that has been applied. Its id is the primary key, so an event is applied once.</summary>
public sealed class ProcessedPaymentEvent
{
    private ProcessedPaymentEvent() { }

    public ProcessedPaymentEvent(string eventId, string type, DateTimeOffset processedAt)
    {
        EventId = eventId;
        Type = type;
        ProcessedAt = processedAt;
    }

    public string EventId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
}

/// <summary>The signed purchase order the agency attached (a PDF, checked by content), kept in the database.</summary>
public sealed class PurchaseOrderDocument
{
    private PurchaseOrderDocument() { }

    public PurchaseOrderDocument(int orderId, string fileName, byte[] content, DateTimeOffset uploadedAt)
    {
        OrderId = orderId;
        FileName = fileName;
        Content = content;
        UploadedAt = uploadedAt;
    }

    public int OrderId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
}
