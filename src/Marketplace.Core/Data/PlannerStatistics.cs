using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Data;

/// <summary>
/// Table statistics for the query planner. Without them SQLite guesses, and guessed wrong at 100,000 listings:
/// a lookup of twenty listings by id walked the (Visibility, LiveSector) index over every published row instead of
/// the primary key. PostgreSQL's autovacuum keeps its own statistics; it only needs an ANALYZE after a bulk load.
/// </summary>
public static class PlannerStatistics
{
    /// <summary>Start-up: analyses the tables SQLite has no statistics for yet (cheap: a bounded sample per index).</summary>
    public static Task AtStartUpAsync(MarketplaceDbContext db, CancellationToken ct) =>
        db.Database.IsSqlite()
            ? db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct)
            : Task.CompletedTask;

    /// <summary>After a bulk load the row counts moved by orders of magnitude: full statistics on either database.</summary>
    public static Task AfterBulkLoadAsync(MarketplaceDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);

    /// <summary>Now and then: SQLite re-analyses only the tables whose size changed enough to matter.</summary>
    public static Task PeriodicallyAsync(MarketplaceDbContext db, CancellationToken ct) =>
        db.Database.IsSqlite()
            ? db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize;", ct)
            : Task.CompletedTask;
}

/// <summary>Runs <see cref="PlannerStatistics.PeriodicallyAsync"/> every hour on each instance.</summary>
public sealed class PlannerStatisticsRefresh(IServiceScopeFactory scopes, ILogger<PlannerStatisticsRefresh> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await PlannerStatistics.PeriodicallyAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Refreshing the query planner's statistics failed; trying again in an hour");
            }
        }
    }
}
