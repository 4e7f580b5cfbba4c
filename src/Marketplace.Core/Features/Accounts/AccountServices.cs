using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Core.Features.Accounts;

public static class AccountServices
{
    /// <summary>The account e-mails; the web app replaces the fixed link base with one that follows the request's allowed host.</summary>
    public static IServiceCollection AddMarketplaceAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountMail>();
        services.TryAddSingleton<ISiteLinks>(new FixedSiteLinks("http://localhost:5000"));
        return services;
    }
}
