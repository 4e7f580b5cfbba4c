namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The port to the payment provider: Stripe Checkout in production, a fake Stripe API in tests, and a clearly labelled
/// simulated checkout in Development when no Stripe key is set. It only opens checkouts: whether money arrived is
/// learnt from signed webhooks alone (<see cref="RecordPaymentEvent"/>), never from the redirect back.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>True for the Development stand-in that plays Stripe's part without moving money.</summary>
    bool IsSimulated { get; }

    Task<CheckoutSession> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken ct);
}

public sealed record CheckoutRequest(int OrderId, string OrderNumber, string Description, long AmountSatang, string SuccessUrl,
    string CancelUrl, string IdempotencyKey, string? CustomerEmail, DateTimeOffset ExpiresAt);

public sealed record CheckoutSession(string Id, string Url);

/// <summary>Stripe's limits on a THB charge; outside them the buyer is sent to the purchase-order route.</summary>
public static class CheckoutLimits
{
    /// <summary>Stripe's minimum charge in THB is ฿10.00.</summary>
    public const long MinSatang = 10_00;

    /// <summary>Stripe accepts amounts of at most eight digits in the currency's smallest unit: ฿999,999.99.</summary>
    public const long MaxSatang = 99_999_999;

    /// <summary>Checkout Sessions may expire between 30 minutes and 24 hours after creation; the shortest keeps orders moving.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    public static bool Allows(long satang) => satang is >= MinSatang and <= MaxSatang;
}

public enum PaymentEventKind { CheckoutCompleted, AsyncPaymentSucceeded, AsyncPaymentFailed, CheckoutExpired, ChargeRefunded, Other }

/// <summary>
/// A verified provider event, reduced to what the order needs. <paramref name="OrderId"/> comes from the metadata and
/// client_reference_id the checkout was opened with; <paramref name="PaymentStatus"/> is "paid" or "unpaid"
/// (PromptPay completes the session first and confirms the money later).
/// </summary>
public sealed record PaymentEvent(string EventId, string Type, PaymentEventKind Kind, int? OrderId, string? SessionId,
    string? PaymentIntentId, string? PaymentStatus, long AmountSatang, string? Currency, long AmountRefundedSatang);
