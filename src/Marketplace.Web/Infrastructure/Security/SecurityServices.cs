using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>Identity and HTTP hardening for issue 8, kept in one place so Program.cs only calls it.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddMarketplaceSecurity(this IServiceCollection services)
    {
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, MarketplaceClaims>();
        services.AddScoped<ISiteLinks, RequestSiteLinks>();
        // Every request re-reads the security stamp: signing out, a new password or a closed account ends every copy
        // of the session cookie at once, and role or confirmation changes apply on the next click.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Only the client address and scheme are taken from a proxy, and only from the loopback proxy (the default
        // KnownProxies); the Host header is never taken from X-Forwarded-Host, so links cannot point elsewhere.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddMarketplaceRateLimits();
        return services;
    }
}
