using Marketplace.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data;

public static class DatabaseInitialiser
{
    /// <summary>Applies migrations, switches SQLite to WAL (readers never wait for the writer), ensures reference data, and seeds when asked.</summary>
    public static async Task InitialiseAsync(IServiceProvider services, string seedFolder, bool loadSampleData, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        var seeder = scope.ServiceProvider.GetRequiredService<SeedLoader>();
        await seeder.EnsureReferenceDataAsync(seedFolder, ct);
        if (loadSampleData)
            await seeder.LoadSampleDataAsync(seedFolder, ct);
    }
}
