using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

public static class HealthEndpoint
{
    /// <summary>GET /health: JSON for monitors; 503 when the database cannot be read.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (MarketplaceDbContext db, SearchIndexHost search, IVirusScanner scanner, CancellationToken ct) =>
        {
            object database;
            var healthy = true;
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                database = new { status = pending == 0 ? "ok" : "migrations pending", organisations = await db.Organisations.CountAsync(ct), pendingMigrations = pending };
                healthy = pending == 0;
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                database = new { status = "unreachable", error = e.Message };
                healthy = false;
            }
            object index;
            try
            {
                var lag = await search.LagAsync(ct);
                index = new { status = search.Progress.Running ? "rebuilding" : "ok", documents = search.Index.DocumentCount, lag, lastAppliedSequence = search.Index.LastAppliedSequence };
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                index = new { status = "unavailable", error = e.Message };
                healthy = false;
            }
            // Uploads fail closed without the scanner; the rest of the site works, so the site is degraded, not down.
            var (scannerUp, scannerDetail) = await scanner.StatusAsync(ct);
            var virusScanner = new { status = scannerUp ? "ok" : "unreachable", detail = scannerDetail };
            return Results.Json(new { status = healthy ? (scannerUp ? "ok" : "degraded") : "unhealthy", database, index, virusScanner },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}
