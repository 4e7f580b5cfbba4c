using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Web.Payments;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Payments;

/// <summary>
/// The README's fresh start: Development, no Stripe keys, so the simulated checkout. In-process tests have no socket,
/// so the simulator's call to /webhooks/stripe goes through the test server's handler (browser tests use Kestrel).
/// </summary>
public sealed class SimulatedSiteFactory : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(SimulatedStripe.WebhookClient).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
    }

    /// <summary>Sample people other than the demo accounts cannot sign in; a test that needs one gives it the demo password.</summary>
    public async Task<Visitor> SignedInAsync(string email)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            if (!await users.HasPasswordAsync(user))
                await users.AddPasswordAsync(user, Visitor.DemoPassword);
        }
        var visitor = Visitor.For(this);
        await visitor.SignInAsync(email);
        return visitor;
    }

    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    public Task<int> LatestOrderIdAsync() => WithDbAsync(db => db.Orders.MaxAsync(o => o.Id));
}
