using System.Security.Cryptography;
using Marketplace.Core.Features.Procurement;

namespace Marketplace.Web.Payments;

public static class PaymentServices
{
    /// <summary>
    /// Buying: Stripe Checkout when a secret key is configured; without one, in Development only, the simulated checkout
    /// (which signs its events with a secret made up at start-up unless one is configured); otherwise online payment is
    /// switched off and agencies pay by purchase order.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection("Marketplace:Payments:Stripe").Get<StripeSettings>() ?? new StripeSettings();
        var simulated = !settings.HasKeys && environment.IsDevelopment();
        if (simulated && string.IsNullOrWhiteSpace(settings.WebhookSecret))
            settings.WebhookSecret = "whsec_simulated_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        services.AddSingleton(settings);
        services.AddProcurement();
        if (settings.HasKeys)
            services.AddSingleton<IPaymentGateway>(new StripePaymentGateway(settings));
        else if (simulated)
            services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        else
            services.AddSingleton<IPaymentGateway, NoOnlinePayments>();
        services.AddHttpClient(SimulatedStripe.WebhookClient);
        return services;
    }
}
