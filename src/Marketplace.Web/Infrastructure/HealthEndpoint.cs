using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

public static class HealthEndpoint
{
    /// <summary>GET /health: JSON for monitors; 503 when the database cannot be read.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (MarketplaceDbContext db, CancellationToken ct) =>
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
            return Results.Json(new { status = healthy ? "ok" : "unhealthy", database },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}
