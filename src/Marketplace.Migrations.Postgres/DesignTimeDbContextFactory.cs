using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the context for PostgreSQL without a server (adding a migration connects to nothing).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MarketplaceDbContext>
{
    public MarketplaceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        options.UseMarketplaceDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=marketplace_design_time");
        return new MarketplaceDbContext(options.Options);
    }
}
