using System.Text.Json;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Features.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Web.Infrastructure.Health;

/// <summary>
/// GET /health through ASP.NET Core health checks: the database, this instance's search index, the e-mail outbox and
/// the virus scanner, each Healthy, Degraded or Unhealthy with the figures behind the verdict. The site answers 503
/// only when Unhealthy (it cannot serve its pages); Degraded is 200, so a load balancer keeps sending traffic.
/// </summary>
public static class HealthChecks
{
    public static IServiceCollection AddMarketplaceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database")
            .AddCheck<SearchIndexCheck>("index")
            .AddCheck<OutboxCheck>("outbox")
            .AddCheck<VirusScannerCheck>("virusScanner");
        return services;
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteJsonAsync,
        });

    /// <summary>{ "status": "Degraded", "index": { "status": "Degraded", "description": "…", "documents": 70, … }, … }</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?> { ["status"] = report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
        {
            var part = new Dictionary<string, object?> { ["status"] = entry.Status.ToString(), ["description"] = entry.Description };
            foreach (var (key, value) in entry.Data)
                part[key] = value;
            if (entry.Exception is { } error)
                part["error"] = error.Message;
            body[name] = part;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Unhealthy when the database cannot be read or has migrations still to apply.</summary>
internal sealed class DatabaseCheck(MarketplaceDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var data = new Dictionary<string, object>
        {
            ["provider"] = db.Database.ProviderName ?? "",
            ["organisations"] = await db.Organisations.CountAsync(cancellationToken),
            ["pendingMigrations"] = pending,
        };
        return pending == 0
            ? HealthCheckResult.Healthy("The database answers and is up to date", data)
            : HealthCheckResult.Unhealthy($"{pending} migrations are not applied", data: data);
    }
}

/// <summary>
/// Unhealthy while the index is damaged (searches answer 503 until the repair); Degraded while it rebuilds, trails the
/// change log, or holds a different number of listings than the database publishes; Healthy otherwise.
/// </summary>
internal sealed class SearchIndexCheck(SearchIndexHost search) : IHealthCheck
{
    private const long TolerableLag = 1000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var progress = search.Progress;
        var published = await search.PublishedCountAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["published"] = published, ["rebuilding"] = progress.Running };
        if (progress.Running)
        {
            data["rebuildDone"] = progress.Done;
            data["rebuildTotal"] = progress.Total;
        }
        if (search.Damage is { } damage)
            return HealthCheckResult.Unhealthy($"Damaged, being rebuilt from the database: {damage}", data: data);
        int documents;
        long lag;
        try
        {
            documents = search.Index.DocumentCount;
            lag = await search.LagAsync(cancellationToken);
            data["documents"] = documents;
            data["lag"] = lag;
            data["lastAppliedSequence"] = search.Index.LastAppliedSequence;
        }
        catch (InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Not open: being rebuilt", data: data);
        }
        if (progress.Running)
            return HealthCheckResult.Degraded($"Rebuilding: {progress.Done} of {progress.Total} listings", data: data);
        if (lag > TolerableLag)
            return HealthCheckResult.Degraded($"{lag} changes not applied yet", data: data);
        // While changes are in flight the counts may differ for a moment; with nothing to apply they must agree.
        if (lag == 0 && documents != published)
            return HealthCheckResult.Degraded($"{documents} listings in the index, {published} published: a rebuild follows the next check", data: data);
        return HealthCheckResult.Healthy($"{documents} of {published} published listings searchable", data);
    }
}

/// <summary>Degraded when e-mails wait longer than a few minutes or were given up on after every attempt.</summary>
internal sealed class OutboxCheck(MarketplaceDbContext db, IClock clock) : IHealthCheck
{
    private static readonly TimeSpan TooOld = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = db.OutboxEmails.Where(m => m.SentAt == null && m.Attempts < OutboxDispatcher.MaxAttempts);
        var pending = await waiting.CountAsync(cancellationToken);
        var failed = await db.OutboxEmails.CountAsync(m => m.SentAt == null && m.Attempts >= OutboxDispatcher.MaxAttempts, cancellationToken);
        var oldest = await waiting.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var waitedSeconds = oldest is { } created ? (long)Math.Max(0, (clock.Now - created).TotalSeconds) : 0;
        var data = new Dictionary<string, object> { ["pending"] = pending, ["failed"] = failed, ["oldestPendingSeconds"] = waitedSeconds };
        if (failed > 0)
            return HealthCheckResult.Degraded($"{failed} e-mails could not be sent after {OutboxDispatcher.MaxAttempts} attempts", data: data);
        if (waitedSeconds > TooOld.TotalSeconds)
            return HealthCheckResult.Degraded($"The oldest e-mail has waited {waitedSeconds / 60} minutes", data: data);
        return HealthCheckResult.Healthy($"{pending} e-mails waiting", data);
    }
}

/// <summary>Uploads fail closed without the scanner; the rest of the site works, so the site is degraded, not down.</summary>
internal sealed class VirusScannerCheck(IVirusScanner scanner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (reachable, detail) = await scanner.StatusAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["detail"] = detail };
        return reachable
            ? HealthCheckResult.Healthy("ClamAV answers", data)
            : HealthCheckResult.Degraded("Unreachable: uploads are refused until it answers", data: data);
    }
}
