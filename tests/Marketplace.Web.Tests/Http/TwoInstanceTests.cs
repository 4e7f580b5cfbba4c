using System.Net;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Search;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Tests.Support;
using MediatR;
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

    [Fact]
    public async Task Each_due_challenge_is_closed_once_with_one_audit_row_when_both_instances_run_the_deadline_pass_at_once()
    {
        var published = await WithDbAsync(db => db.Challenges.Where(c => c.State == ChallengeState.Published).Select(c => c.Id).ToListAsync());
        Assert.NotEmpty(published);
        foreach (var f in new[] { _a, _b })
        {
            await using var warm = f.Services.CreateAsyncScope();
            await warm.ServiceProvider.GetRequiredService<IMediator>().Send(new CloseDueChallenges.Command());
        }
        // Every published challenge's deadline has passed, on both instances' clocks.
        _a.Clock.Advance(TimeSpan.FromDays(800));
        _b.Clock.Advance(TimeSpan.FromDays(800));

        // Two passes on each instance at the same moment (warmed up and released together, so their reads overlap);
        // the loser of each race must do nothing: no error, no second row.
        var scopes = new[] { _a, _b, _a, _b }.Select(f => f.Services.CreateAsyncScope()).ToList();
        var mediators = scopes.Select(s => s.ServiceProvider.GetRequiredService<IMediator>()).ToList();
        var go = new TaskCompletionSource();
        var passes = mediators.Select(m => Task.Run(async () =>
        {
            await go.Task;
            return await m.Send(new CloseDueChallenges.Command());
        })).ToList();
        go.SetResult();
        var closed = await Task.WhenAll(passes);
        foreach (var scope in scopes)
            await scope.DisposeAsync();

        Assert.Equal(published.Count, closed.Sum());
        Assert.Equal(published.Count, await WithDbAsync(db => db.Challenges.CountAsync(c => published.Contains(c.Id) && c.State == ChallengeState.Closed)));
        var audited = await WithDbAsync(db => db.AuditEvents.Where(e => e.Action == nameof(CloseDueChallenges)).Select(e => e.EntityId).ToListAsync());
        Assert.Equal(published.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), audited.Order());
    }

    [Fact]
    public async Task A_rebuild_requested_on_one_instance_is_carried_out_by_both_each_showing_its_progress_to_the_admin()
    {
        using var admin = Visitor.For(_a);
        using var onB = Visitor.For(_b);
        // Both instances are running before the request (a request older than an instance's start-up is covered by it).
        await admin.SignInAsync("admin@demo.govtech.example");
        await onB.SignInAsync("admin@demo.govtech.example");
        using (var requested = await admin.PostFormAsync("/admin/search-index", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var request = await WithDbAsync(db => db.IndexRebuildRequests.SingleAsync());
        Assert.Equal("admin@demo.govtech.example", request.RequestedBy);

        // Each instance polls for the request, rebuilds its own index and reports in its own status row.
        var started = DateTime.UtcNow;
        List<IndexRebuildStatus> statuses;
        do
        {
            await Task.Delay(200);
            statuses = await WithDbAsync(db => db.IndexRebuildStatuses.AsNoTracking().Where(s => s.RequestId == request.Id && s.FinishedAt != null).ToListAsync());
        }
        while (statuses.Count < 2 && DateTime.UtcNow - started < TimeSpan.FromSeconds(60));

        var published = await WithDbAsync(db => db.Listings.CountAsync(l => l.Visibility == Visibility.Published));
        var instances = new[] { _a, _b }.Select(f => f.Services.GetRequiredService<SearchInstance>().Name).ToList();
        Assert.Equal(instances.Order(), statuses.Select(s => s.Instance).Order());
        Assert.All(statuses, s => Assert.True(s.Done == published && s.Total == published && s.Error is null, $"{s.Instance}: {s.Done}/{s.Total} {s.Error}"));
        foreach (var f in new[] { _a, _b })
        {
            var host = f.Services.GetRequiredService<SearchIndexHost>();
            host.Index.Refresh();
            Assert.Equal(published, host.Index.DocumentCount);
        }
        var audit = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == nameof(RebuildSearchIndex)));
        Assert.Equal("admin@demo.govtech.example", audit.UserName);

        // The admin page (on either instance) lists both instances' progress and who asked.
        var (_, page) = await onB.GetAsync("/admin/search-index");
        Assert.All(instances, name => Assert.Contains($"data-instance=\"{name}\"", page));
        Assert.Contains($"{published:N0} จาก {published:N0} รายการ", page);
        Assert.Contains("โดย admin@demo.govtech.example", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
    }

    [Fact]
    public async Task Only_an_admin_may_request_a_rebuild()
    {
        using var moderator = Visitor.For(_a);
        await moderator.SignInAsync("moderator@demo.govtech.example");
        // A valid antiforgery token from a page the moderator may see, posted to the admin page.
        using var refused = await moderator.PostFormAsync("/moderation", new Dictionary<string, string>(), actionUrl: "/admin/search-index");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await WithDbAsync(db => db.IndexRebuildRequests.AnyAsync()));
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = _a.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
