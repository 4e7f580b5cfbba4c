using Marketplace.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Web.Infrastructure;

public static class SharedDataProtection
{
    /// <summary>
    /// Data-protection keys live in the shared database, not in one machine's key ring, so a sign-in cookie,
    /// antiforgery token or TempData written by one web instance is read by every other.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("GovTech Marketplace").PersistKeysToDbContext<MarketplaceDbContext>();
        return services;
    }
}
