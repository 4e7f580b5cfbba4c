using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Features.Search;

/// <summary>This web instance's name in <see cref="IndexRebuildStatus"/> rows (Marketplace:InstanceName).</summary>
public sealed record SearchInstance(string Name)
{
    /// <summary>Without a configured name: the machine and a short hash of the index folder, so two instances on one machine differ.</summary>
    public static SearchInstance For(string indexFolder, string? configured = null)
    {
        if (configured is { Length: > 0 })
            return new(configured.Length <= IndexRebuildStatus.MaxInstanceLength ? configured : configured[..IndexRebuildStatus.MaxInstanceLength]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(indexFolder))))[..8];
        var machine = Environment.MachineName;
        return new($"{(machine.Length > 80 ? machine[..80] : machine)}-{hash}");
    }
}

/// <summary>
/// Carries an admin's "rebuild the index" to every instance: each one polls the shared database for a request newer
/// than the last it acted on, rebuilds its own index and writes its progress to its own status row, which the admin
/// page shows for every instance. Requests made before this instance started are already covered by the start-up
/// check (a new or mismatched index is rebuilt then), so they are not acted on again.
/// </summary>
public sealed class IndexRebuildRequests(SearchIndexHost host, IServiceScopeFactory scopes, IClock clock, SearchInstance instance,
    ILogger<IndexRebuildRequests> logger) : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);
    private long _actedOn = -1;

    /// <summary>The newest request this instance has acted on (or found already covered); -1 before its first poll.</summary>
    public long ActedOn => Interlocked.Read(ref _actedOn);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollEvery);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Acting on a search index rebuild request failed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Rebuilds this instance's index if a request newer than the last one it acted on exists; returns whether it did.</summary>
    public async Task<bool> PollAsync(CancellationToken ct)
    {
        if (ActedOn < 0)
        {
            var started = host.StartedAt;
            var covered = await WithDbAsync(async db =>
            {
                // A row this instance left unfinished when it last stopped: the start-up check has covered the index since.
                var own = await db.IndexRebuildStatuses.SingleOrDefaultAsync(s => s.Instance == instance.Name, ct);
                own?.Interrupt(clock.Now);
                await db.SaveChangesAsync(ct);
                return Math.Max(own?.RequestId ?? 0,
                    await db.IndexRebuildRequests.Where(r => r.At < started).MaxAsync(r => (long?)r.Id, ct) ?? 0);
            }, ct);
            Interlocked.Exchange(ref _actedOn, covered);
        }
        var acted = ActedOn;
        var request = await WithDbAsync(db => db.IndexRebuildRequests.Where(r => r.Id > acted).MaxAsync(r => (long?)r.Id, ct), ct);
        if (request is not { } id)
            return false;

        logger.LogInformation("Rebuilding the search index for request {Request}", id);
        await ReportAsync(s => s.Start(id, clock.Now), ct);
        var rebuild = host.RebuildAsync(ct);
        while (!rebuild.IsCompleted)
        {
            await Task.WhenAny(rebuild, Task.Delay(ReportEvery, ct));
            var progress = host.Progress;
            await ReportAsync(s => s.Report(progress.Done, progress.Total, clock.Now), ct);
        }
        string? error = null;
        try
        {
            await rebuild;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Shown on the admin page; the periodic check keeps comparing the index with the database.
            logger.LogError(e, "Search index rebuild for request {Request} failed", id);
            error = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
        }
        var done = host.Progress;
        await ReportAsync(s =>
        {
            s.Report(done.Done, done.Total, clock.Now);
            s.Finish(clock.Now, error);
        }, ct);
        Interlocked.Exchange(ref _actedOn, id);
        return true;
    }

    private Task ReportAsync(Action<IndexRebuildStatus> change, CancellationToken ct) => WithDbAsync(async db =>
    {
        var status = await db.IndexRebuildStatuses.SingleOrDefaultAsync(s => s.Instance == instance.Name, ct);
        if (status is null)
            db.IndexRebuildStatuses.Add(status = new IndexRebuildStatus(instance.Name));
        change(status);
        return await db.SaveChangesAsync(ct);
    }, ct);

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
