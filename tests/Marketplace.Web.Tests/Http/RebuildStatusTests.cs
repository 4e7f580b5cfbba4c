using System.Diagnostics;
using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Search;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// An instance that dies or restarts in the middle of a rebuild leaves its status row unfinished. The admin page must
/// say so rather than show "rebuilding" for ever with the rebuild button disabled.
/// </summary>
public sealed class RebuildStatusTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task A_silent_instance_is_reported_as_stopped_and_a_restarted_one_as_interrupted_and_neither_blocks_a_new_rebuild()
    {
        // This instance's first poll treats requests made before it started as covered; the request below is dated
        // ten minutes ago, so it must be made after that poll or this instance would rightly skip it.
        var poller = factory.Services.GetServices<IHostedService>().OfType<IndexRebuildRequests>().Single();
        var waited = Stopwatch.StartNew();
        while (poller.ActedOn < 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "this instance never polled for rebuild requests");
            await Task.Delay(100);
        }

        var now = factory.Clock.Now;
        var request = await WithDbAsync(async db =>
        {
            var row = new IndexRebuildRequest(null, "admin@demo.govtech.example", now.AddMinutes(-10));
            db.IndexRebuildRequests.Add(row);
            await db.SaveChangesAsync();
            foreach (var name in new[] { "dead-instance", "restarted-instance" })
            {
                var status = new IndexRebuildStatus(name);
                status.Start(row.Id, now.AddMinutes(-5));
                status.Report(10, 100, now.AddMinutes(-5));
                db.IndexRebuildStatuses.Add(status);
            }
            await db.SaveChangesAsync();
            return row.Id;
        });

        // The restarted instance's first poll finds its own unfinished row; the dead one never polls again.
        var restarted = ActivatorUtilities.CreateInstance<IndexRebuildRequests>(factory.Services, new SearchInstance("restarted-instance"));
        Assert.False(await restarted.PollAsync(CancellationToken.None));
        await WaitUntilThisInstanceFinishedAsync(request);

        var rows = await WithDbAsync(db => db.IndexRebuildStatuses.AsNoTracking().ToDictionaryAsync(s => s.Instance));
        Assert.True(rows["restarted-instance"].Interrupted);
        Assert.NotNull(rows["restarted-instance"].FinishedAt);
        Assert.Null(rows["dead-instance"].FinishedAt);

        using var admin = Visitor.For(factory);
        await admin.SignInAsync("admin@demo.govtech.example");
        var (status, page) = await admin.GetAsync("/admin/search-index");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"rebuild-silent\"", Row(page, "dead-instance"));
        Assert.DoesNotContain("rebuild-interrupted", Row(page, "dead-instance"));
        Assert.Contains("data-testid=\"rebuild-interrupted\"", Row(page, "restarted-instance"));
        Assert.DoesNotContain("rebuild-silent", Row(page, "restarted-instance"));
        Assert.Matches("<button type=\"submit\" class=\"btn btn-warning\" data-testid=\"rebuild\">", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);

        using var requested = await admin.PostFormAsync("/admin/search-index", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal(2, await WithDbAsync(db => db.IndexRebuildRequests.CountAsync()));
    }

    private static string Row(string page, string instance)
    {
        var start = page.IndexOf($"<tr data-instance=\"{instance}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {instance}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task WaitUntilThisInstanceFinishedAsync(long request)
    {
        var name = factory.Services.GetRequiredService<SearchInstance>().Name;
        var started = DateTime.UtcNow;
        while (!await WithDbAsync(db => db.IndexRebuildStatuses.AnyAsync(s => s.Instance == name && s.RequestId == request && s.FinishedAt != null)))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "this instance did not carry out the request");
            await Task.Delay(200);
        }
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
