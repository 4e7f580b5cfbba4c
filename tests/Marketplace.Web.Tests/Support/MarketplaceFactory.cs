using Marketplace.Core.Common;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// The real site with a fresh SQLite database in a temporary folder, seeded from the repository's seed-data/.
/// One factory per test class.
/// </summary>
public class MarketplaceFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "marketplace-web-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    /// <summary>The database this site runs on (SQLite in its data folder, or a PostgreSQL database of its own).</summary>
    public TestDatabase Database => _database ??= TestDatabase.Create(_dataFolder);

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test folder");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Marketplace:DataPath", _dataFolder);
        if (Database.Provider == Marketplace.Core.Data.DatabaseProvider.Postgres)
        {
            builder.UseSetting("Marketplace:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Marketplace", Database.ConnectionString);
        }
        builder.UseSetting("Marketplace:SeedDataPath", Path.Combine(RepositoryRoot, "seed-data"));
        builder.UseSetting("Marketplace:SeedSampleData", "true");
        // Every test client shares one address, so the suite would spend a person's budget in seconds;
        // RateLimitTests runs its own site with the real budgets.
        foreach (var budget in new[] { "sign-in", "registration", "password-reset", "questions" })
            builder.UseSetting($"Marketplace:RateLimits:{budget}:Permits", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>The site's clock: real time until a test moves it forward.</summary>
    public TestClock Clock { get; } = new();

    public string DataFolder => _dataFolder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Database.DropAsync().GetAwaiter().GetResult();
        if (Directory.Exists(_dataFolder))
            Directory.Delete(_dataFolder, recursive: true);
    }
}
