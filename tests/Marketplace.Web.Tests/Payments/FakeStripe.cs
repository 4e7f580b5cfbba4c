using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Payments;

/// <summary>
/// A local stand-in for Stripe's API on 127.0.0.1 (no stripe-mock exists here): it answers Checkout Session creation as
/// Stripe does, honours idempotency keys, and remembers every request so tests can check what the site asked for.
/// </summary>
public sealed class FakeStripeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _sessionsByKey = new();

    public ConcurrentQueue<(string IdempotencyKey, Dictionary<string, string> Form)> Requests { get; } = new();
    public string BaseUrl { get; }

    private FakeStripeApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeStripeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeStripeApi? fake = null;
        app.MapPost("/v1/checkout/sessions", async (HttpContext http) =>
        {
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            fake!.Requests.Enqueue((key, form));
            var id = fake._sessionsByKey.GetOrAdd(key, _ => "cs_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            return Results.Json(new { id, @object = "checkout.session", url = $"https://checkout.stripe.test/c/pay/{id}", currency = "thb", mode = "payment", status = "open" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeStripeApi(app, address);
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The site configured with Stripe keys, its API pointed at the fake.</summary>
public sealed class StripeSiteFactory(string apiBase) : MarketplaceFactory
{
    public const string WebhookSecret = "whsec_test_0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marketplace:Payments:Stripe:SecretKey", "sk_test_fake");
        builder.UseSetting("Marketplace:Payments:Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Marketplace:Payments:Stripe:ApiBase", apiBase);
    }
}

/// <summary>Webhook bodies as Stripe sends them, signed the way Stripe signs them (written here independently of the site's code).</summary>
public static class StripeDeliveries
{
    public static string Session(string eventId, string type, string sessionId, int orderId, long amount, string paymentStatus) => Event(eventId, type, new
    {
        id = sessionId,
        @object = "checkout.session",
        client_reference_id = orderId.ToString(CultureInfo.InvariantCulture),
        metadata = new { order_id = orderId.ToString(CultureInfo.InvariantCulture) },
        amount_total = amount,
        currency = "thb",
        mode = "payment",
        payment_status = paymentStatus,
        payment_intent = "pi_" + sessionId,
    });

    public static string Refund(string eventId, int orderId, long amount, long refunded, string paymentIntent) => Event(eventId, "charge.refunded", new
    {
        id = "ch_" + eventId,
        @object = "charge",
        amount,
        amount_refunded = refunded,
        currency = "thb",
        paid = true,
        refunded = refunded == amount,
        payment_intent = paymentIntent,
        metadata = new { order_id = orderId.ToString(CultureInfo.InvariantCulture) },
    });

    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return $"t={t},v1={Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{payload}")))}";
    }

    private static string Event(string id, string type, object dataObject) => JsonSerializer.Serialize(new
    {
        id,
        @object = "event",
        api_version = "2020-08-27",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        livemode = false,
        type,
        data = new { @object = dataObject },
    });
}
