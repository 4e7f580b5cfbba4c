using Marketplace.Core.Data;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// The database a test fixture runs on. SQLite (a file in the fixture's folder) unless MARKETPLACE_TEST_DATABASE is
/// Postgres: then a database of its own on the server in MARKETPLACE_TEST_POSTGRES (by default the cluster that
/// .ci/postgres/start runs on 127.0.0.1:55432), dropped when the fixture ends. Shared by the Core and Web tests.
/// </summary>
public sealed class TestDatabase
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres";
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    public static DatabaseProvider ConfiguredProvider => DatabaseProviders.Parse(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_DATABASE"));

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(string folder)
    {
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")}", null);
        var name = "marketplace_test_" + Guid.NewGuid().ToString("N");
        var server = new NpgsqlConnectionStringBuilder(Server) { Database = name, IncludeErrorDetail = true, MaxPoolSize = 20 };
        return new(DatabaseProvider.Postgres, server.ConnectionString, name);
    }

    public async Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Server => Environment.GetEnvironmentVariable("MARKETPLACE_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;
}
