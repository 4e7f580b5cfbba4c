using Marketplace.Core.Common;
using Marketplace.Core.Features.Procurement;

namespace Marketplace.Web.Payments;

/// <summary>Stripe Checkout through Stripe.net: one session per attempt, in THB, card and PromptPay.</summary>
public sealed class StripePaymentGateway(StripeSettings settings) : IPaymentGateway
{
    private readonly Stripe.StripeClient _client = new(apiKey: settings.SecretKey, apiBase: settings.ApiBase);

    public bool IsSimulated => false;

    public async Task<CheckoutSession> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken ct)
    {
        var orderId = request.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { ["order_id"] = orderId, ["order_number"] = request.OrderNumber };
        var options = new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            // Stripe.net 53 (this API version) names the list allowed_payment_method_types; payment_method_types is gone.
            AllowedPaymentMethodTypes = ["card", "promptpay"],
            ClientReferenceId = orderId,
            Metadata = metadata,
            // Copied onto the payment intent and so onto its charges: a refund event names the order too.
            PaymentIntentData = new Stripe.Checkout.SessionPaymentIntentDataOptions { Metadata = metadata },
            CustomerEmail = request.CustomerEmail,
            ExpiresAt = request.ExpiresAt.UtcDateTime,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            LineItems =
            [
                new Stripe.Checkout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = "thb",
                        UnitAmount = request.AmountSatang,
                        ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
        };
        try
        {
            var session = await new Stripe.Checkout.SessionService(_client)
                .CreateAsync(options, new Stripe.RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct);
            return new CheckoutSession(session.Id, session.Url);
        }
        catch (Stripe.StripeException e)
        {
            throw new DomainRuleException(Texts.Get("Payments.StripePaymentGateway.StripeRefusedThisPaymentTryAgain", e.StripeError?.Message ?? e.Message));
        }
    }
}

/// <summary>Outside Development without Stripe keys: no online payment at all, rather than a pretend one.</summary>
public sealed class NoOnlinePayments : IPaymentGateway
{
    public bool IsSimulated => false;

    public Task<CheckoutSession> CreateCheckoutSessionAsync(CheckoutRequest request, CancellationToken ct) =>
        throw new DomainRuleException(Texts.Get("Payments.StripePaymentGateway.OnlinePaymentIsNotSetUp"));
}
