using Marketplace.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data;

public static class DatabaseInitialiser
{
    /// <summary>
    /// Applies migrations, switches SQLite to WAL (readers never wait for the writer), ensures reference data, and seeds
    /// when asked. On PostgreSQL, several instances may start together: the whole of it runs under a session advisory
    /// lock, so one instance migrates and seeds while the others wait and then find the work done.
    /// </summary>
    public static async Task InitialiseAsync(IServiceProvider services, string seedFolder, bool loadSampleData, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await using var startLock = await StartUpLock.AcquireAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        var seeder = scope.ServiceProvider.GetRequiredService<SeedLoader>();
        await seeder.EnsureReferenceDataAsync(seedFolder, ct);
        if (loadSampleData)
            await seeder.LoadSampleDataAsync(seedFolder, ct);
        await PlannerStatistics.AtStartUpAsync(db, ct);
    }

    /// <summary>A PostgreSQL session lock held on the context's connection (kept open) until disposed; nothing on SQLite.</summary>
    private sealed class StartUpLock(MarketplaceDbContext? db) : IAsyncDisposable
    {
        // A number the application reserves for this lock ("mkt-init" as ASCII bytes).
        private const string Lock = "SELECT pg_advisory_lock(7884601316958153076)";
        private const string Unlock = "SELECT pg_advisory_unlock(7884601316958153076)";

        public static async Task<StartUpLock> AcquireAsync(MarketplaceDbContext db, CancellationToken ct)
        {
            if (!db.Database.IsNpgsql())
                return new StartUpLock(null);
            // The lock lives in the database, so the database must exist first; two instances may race to create it.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try
                {
                    await creator.CreateAsync(ct);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
                {
                    // Another instance created it a moment ago.
                }
            }
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(Lock, ct);
            return new StartUpLock(db);
        }

        public async ValueTask DisposeAsync()
        {
            if (db is null)
                return;
            await db.Database.ExecuteSqlRawAsync(Unlock);
            await db.Database.CloseConnectionAsync();
        }
    }
}
