namespace Marketplace.Web.Payments;

/// <summary>Marketplace:Payments:Stripe; every setting is documented in the README.</summary>
public sealed class StripeSettings
{
    public string? SecretKey { get; set; }
    public string? PublishableKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API unless told otherwise: the tests point it at a fake Stripe on 127.0.0.1.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    public bool HasKeys => !string.IsNullOrWhiteSpace(SecretKey);
}
