using System.Net;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>A second web instance on the first one's database, with its own search index (as behind a proxy).</summary>
public sealed class SecondInstance(MarketplaceFactory first) : MarketplaceFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The same database (SQLite file in the first's data folder, or the same PostgreSQL database); its own index.
        builder.UseSetting("Marketplace:DataPath", first.DataFolder);
        builder.UseSetting("Marketplace:IndexPath", Path.Combine(DataFolder, "search-index"));
        if (first.Database.Provider == DatabaseProvider.Postgres)
            builder.UseSetting("ConnectionStrings:Marketplace", first.Database.ConnectionString);
    }
}

public sealed class TwoInstanceTests : IDisposable
{
    private readonly MarketplaceFactory _a = new();
    private readonly SecondInstance _b;

    public TwoInstanceTests() => _b = new SecondInstance(_a);

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_works_on_the_other_and_a_listing_approved_on_one_is_searchable_on_the_other_within_two_seconds()
    {
        var jar = new System.Net.CookieContainer();
        using var onA = new Visitor(_a.CreateDefaultClient(new CookieContainerHandler(jar)));
        using var onB = new Visitor(_b.CreateDefaultClient(new CookieContainerHandler(jar)));
        await onA.SignInAsync("moderator@demo.govtech.example");

        // Cookie and antiforgery token written by A, read by B: the data-protection keys are in the shared database.
        var (status, _) = await onB.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        var waiting = await WithDbAsync(db => db.Listings.Where(l => l.Review == ReviewState.Submitted && l.Vendor!.Verification == VerificationState.Verified)
            .Select(l => l.Id).FirstAsync());
        using (var approved = await onB.PostFormAsync($"/moderation/listings/{waiting}", new Dictionary<string, string> { ["Decision.Decision"] = "Approve" }))
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(Visibility.Published, await WithDbAsync(db => db.Listings.Where(l => l.Id == waiting).Select(l => l.Visibility).SingleAsync()));

        // Approved through B; A's own index learns it from the change log.
        var started = DateTime.UtcNow;
        var found = false;
        while (!found && DateTime.UtcNow - started < TimeSpan.FromSeconds(2))
        {
            var (_, api) = await onA.GetAsync("/api/solutions?pageSize=100&page=1");
            var (_, page2) = await onA.GetAsync("/api/solutions?pageSize=100&page=2");
            found = new[] { api, page2 }.SelectMany(j => JsonDocument.Parse(j).RootElement.GetProperty("items").EnumerateArray())
                .Any(i => i.GetProperty("id").GetInt32() == waiting);
            if (!found)
                await Task.Delay(100);
        }
        Assert.True(found, "The listing approved on B was not searchable on A within 2 seconds");
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = _a.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
