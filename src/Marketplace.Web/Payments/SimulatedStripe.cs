using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Core.Features.Procurement;

namespace Marketplace.Web.Payments;

/// <summary>
/// Development without Stripe keys: sessions are made up here and paid on the simulated checkout page, which plays
/// Stripe's part by posting signed events to the real webhook endpoint. No money moves and the page says so.
/// </summary>
public sealed class SimulatedPaymentGateway : IPaymentGateway
{
    public bool IsSimulated => true;

    public Task<CheckoutSession> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken ct)
    {
        var id = "cs_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return Task.FromResult(new CheckoutSession(id, $"/payments/simulated/{id}"));
    }
}

/// <summary>Stripe's side of the simulated checkout: event bodies shaped like Stripe's, signed as Stripe signs them.</summary>
public static class SimulatedStripe
{
    public const string WebhookClient = "stripe-webhook-self";

    public static string SessionEvent(string type, string sessionId, int orderId, long amountSatang, string paymentStatus, string paymentIntentId) =>
        Event(type, new Dictionary<string, object?>
        {
            ["id"] = sessionId,
            ["object"] = "checkout.session",
            ["client_reference_id"] = orderId.ToString(CultureInfo.InvariantCulture),
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
            ["amount_total"] = amountSatang,
            ["currency"] = "thb",
            ["mode"] = "payment",
            ["payment_status"] = paymentStatus,
            ["status"] = type == "checkout.session.expired" ? "expired" : "complete",
            ["payment_intent"] = paymentIntentId,
            ["livemode"] = false,
        });

    /// <summary>"t=…,v1=…": HMAC-SHA256 of "timestamp.payload" with the endpoint's secret, as Stripe signs webhooks.</summary>
    public static string Signature(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string Event(string type, Dictionary<string, object?> dataObject) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = "evt_sim_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
    });
}
