using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Payments;

/// <summary>The site with Stripe keys and the fake Stripe API, shared by a test class; each test places its own order.</summary>
public sealed class StripeSiteFixture : IAsyncLifetime
{
    public const string Buyer = "buyer@demo.govtech.example";
    public const string Listing = "hospital-queue-appointment";

    public FakeStripeApi Stripe { get; private set; } = null!;
    public StripeSiteFactory Site { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stripe = await FakeStripeApi.StartAsync();
        Site = new StripeSiteFactory(Stripe.BaseUrl);
        using var warm = Site.CreateClient();
    }

    /// <summary>The buyer orders the listing's first package online and is sent to the checkout; returns the order.</summary>
    public async Task<(Order Order, HttpResponseMessage Redirect)> PlaceCheckoutOrderAsync(Visitor? buyer = null)
    {
        var own = buyer is null;
        buyer ??= Visitor.For(Site);
        if (own)
            await buyer.SignInAsync(Buyer);
        var response = await buyer.PostFormAsync($"/solutions/{Listing}/buy/0", new Dictionary<string, string>
        {
            ["Input.Route"] = "Checkout",
            ["Input.BillingAddress"] = "80 ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพมหานคร 10210",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = await WithDbAsync(db => db.Orders.OrderByDescending(o => o.Id).FirstAsync());
        if (own)
            buyer.Dispose();
        return (order, response);
    }

    public async Task<HttpResponseMessage> DeliverAsync(string body, string? signature = null)
    {
        using var client = Site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature ?? StripeDeliveries.Sign(body, StripeSiteFactory.WebhookSecret, DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }

    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await read(db);
    }

    public Task<Order> OrderAsync(int id) => WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));

    public Task<int> PaymentsForAsync(int id) => WithDbAsync(db => db.Payments.CountAsync(p => p.OrderId == id));

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
