using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Features.Procurement;

public static class ProcurementServices
{
    /// <summary>The core side of buying; the site adds an <see cref="IPaymentGateway"/>.</summary>
    public static IServiceCollection AddProcurement(this IServiceCollection services) => services.AddScoped<OrderEffects>();
}
