using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Web.Tests.Support;

/// <summary>The site with some settings changed, for tests about what a setting does.</summary>
public abstract class ConfiguredFactory(IDictionary<string, string?> settings) : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }
}

/// <summary>Production's rule: moderators and admins must use two-factor sign-in.</summary>
public sealed class StaffTwoFactorFactory() : ConfiguredFactory(new Dictionary<string, string?> { ["Marketplace:Security:RequireStaffTwoFactor"] = "true" });

/// <summary>The default budgets, except a small search budget so a test can exhaust it quickly.</summary>
public sealed class SmallSearchBudgetFactory() : ConfiguredFactory(new Dictionary<string, string?>
{
    ["Marketplace:RateLimits:search:Permits"] = "5",
    ["Marketplace:RateLimits:sign-in:Permits"] = $"{Marketplace.Web.Infrastructure.Security.RateLimits.Defaults["sign-in"].Permits}",
});
