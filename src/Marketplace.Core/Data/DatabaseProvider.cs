using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// Which database the site runs on (<c>Marketplace:Database:Provider</c>): SQLite, embedded, the default; or
/// PostgreSQL, shared by several web instances. Each has its own migrations, generated from the same model by
/// <c>scripts/regenerate-migrations</c>: SQLite's in this assembly (Data/Migrations), PostgreSQL's in
/// Marketplace.Migrations.Postgres.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public const string PostgresMigrationsAssembly = "Marketplace.Migrations.Postgres";

    public static DatabaseProvider Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Marketplace:Database:Provider is '{name}': use Sqlite or Postgres"),
    };

    public static DbContextOptionsBuilder UseMarketplaceDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString),
        };
}
