using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Procurement;
using Marketplace.Web.Payments;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Procurement;

/// <summary>
/// Development without Stripe keys: this page plays Stripe's hosted checkout. It pays nothing; it posts the events
/// Stripe would send, signed with the webhook secret, to the real /webhooks/stripe, so the order changes through
/// exactly the code a real payment goes through. Anywhere else it does not exist.
/// </summary>
[Authorize]
public sealed class SimulatedCheckoutModel(IMediator mediator, IPaymentGateway gateway, IWebHostEnvironment environment,
    StripeSettings settings, IHttpClientFactory clients) : PageModel
{
    public Order Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string sessionId)
    {
        if (!Available)
            return NotFound();
        Order = await mediator.Send(new OrderDetails.OpenCheckout(sessionId));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string sessionId, string outcome)
    {
        if (!Available)
            return NotFound();
        Order = await mediator.Send(new OrderDetails.OpenCheckout(sessionId));
        var intent = "pi_sim_" + sessionId["cs_sim_".Length..];
        string Session(string type, string status) => SimulatedStripe.SessionEvent(type, sessionId, Order.Id, Order.TotalSatang, status, intent);
        var events = outcome switch
        {
            "card" => [Session("checkout.session.completed", "paid")],
            "promptpay" => [Session("checkout.session.completed", "unpaid"), Session("checkout.session.async_payment_succeeded", "paid")],
            "promptpay-failed" => [Session("checkout.session.completed", "unpaid"), Session("checkout.session.async_payment_failed", "unpaid")],
            _ => new[] { Session("checkout.session.expired", "unpaid") },
        };
        var client = clients.CreateClient(SimulatedStripe.WebhookClient);
        foreach (var body in events)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Request.Scheme}://{Request.Host}{Request.PathBase}{StripeWebhook.Path}")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Stripe-Signature", SimulatedStripe.Signature(body, settings.WebhookSecret!, DateTimeOffset.UtcNow));
            using var response = await client.SendAsync(request, HttpContext.RequestAborted);
            response.EnsureSuccessStatusCode();
        }
        return Redirect(outcome is "card" or "promptpay" ? $"/orders/{Order.Id}/paid" : $"/orders/{Order.Id}/payment-cancelled");
    }

    private bool Available => environment.IsDevelopment() && gateway.IsSimulated;
}
