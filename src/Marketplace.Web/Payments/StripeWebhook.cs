using Marketplace.Core.Data;
using Marketplace.Core.Features.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Payments;

/// <summary>
/// POST /webhooks/stripe: the only way an online payment changes an order. The signature is checked with Stripe.net
/// against the configured secret; a forged, tampered or stale (over 5 minutes) delivery is refused with 400 before
/// anything is read from it. A verified event is applied once; repeats and events we do not use are answered 200 so
/// Stripe stops retrying them.
/// </summary>
public static class StripeWebhook
{
    public const string Path = "/webhooks/stripe";
    private const long ToleranceSeconds = 300;
    private const int MaxBodyBytes = 256 * 1024;

    public static void MapStripeWebhook(this WebApplication app) => app.MapPost(Path, async (HttpContext http, IMediator mediator,
        StripeSettings settings, MarketplaceDbContext db, ILogger<StripeSettings> logger) =>
    {
        var signature = http.Request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret) || string.IsNullOrWhiteSpace(signature) || http.Request.ContentLength > MaxBodyBytes)
            return Results.BadRequest();
        string json;
        using (var reader = new StreamReader(http.Request.Body))
            json = await reader.ReadToEndAsync(http.RequestAborted);
        Stripe.Event stripeEvent;
        try
        {
            // api_version is not enforced: Stripe stamps events with the account's version, which the dashboard can move
            // ahead of this library's; the few fields read below are the same in every version, and refusing would make
            // Stripe retry every event for days. The signature, not the version, is what proves the sender.
            stripeEvent = Stripe.EventUtility.ConstructEvent(json, signature, settings.WebhookSecret,
                ToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (Exception refused) when (refused is Stripe.StripeException or ArgumentException or FormatException)
        {
            logger.LogWarning("Refused a Stripe webhook delivery: {Reason}", refused.Message);
            return Results.BadRequest();
        }

        var paymentEvent = StripeEvents.ToPaymentEvent(stripeEvent);
        if (paymentEvent.Kind == PaymentEventKind.Other)
            return Results.Ok();
        try
        {
            await mediator.Send(new RecordPaymentEvent.Command(paymentEvent), http.RequestAborted);
        }
        catch (PaymentEventAlreadyProcessedException)
        {
            return Results.Ok();
        }
        catch (DbUpdateException)
        {
            // Lost the race to a concurrent delivery of the same event on a database that does not serialise writers.
            if (!await db.ProcessedPaymentEvents.AnyAsync(p => p.EventId == paymentEvent.EventId, http.RequestAborted))
                throw;
        }
        return Results.Ok();
    }).DisableAntiforgery();
}
