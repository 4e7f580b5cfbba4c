using System.Net;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

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

    [Fact]
    public async Task Each_e_mail_in_the_outbox_is_sent_once_when_both_instances_dispatch_at_the_same_time()
    {
        var addresses = Enumerable.Range(1, 30).Select(i => $"once-{i}@example.org").ToList();
        await WithDbAsync(async db =>
        {
            db.OutboxEmails.AddRange(addresses.Select(a => new OutboxEmail(a, null, "en", Notice.Of("Mail.QuestionAnswered", [], TextArg.Plain("Sent once")), null, "Mail.Footer.NamedContact", "http://localhost", DateTimeOffset.UtcNow)));
            return await db.SaveChangesAsync();
        });

        var dispatchers = new[] { _a, _b }.Select(f => f.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single());
        await Task.WhenAll(dispatchers.SelectMany(d => new[] { d.DispatchPendingAsync(CancellationToken.None), d.DispatchPendingAsync(CancellationToken.None) }));

        var delivered = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(_a.DataFolder, "mail-pickup"), "*.eml"))
            delivered.AddRange((await MimeMessage.LoadAsync(file)).To.Mailboxes.Select(m => m.Address).Where(addresses.Contains));
        Assert.Equal(addresses.Order(), delivered.Order());
        Assert.Equal(0, await WithDbAsync(db => db.OutboxEmails.CountAsync(m => addresses.Contains(m.To) && m.SentAt == null)));
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = _a.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
