using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data.Seeding;

/// <summary>A verified vendor to create in bulk.</summary>
public sealed record BulkVendor(string Slug, string NameTh, string NameEn, string ProvinceCode);

/// <summary>A published listing to create in bulk; <paramref name="Vendor"/> indexes the vendor list.</summary>
public sealed record BulkListing(int Vendor, string Slug, ListingContent Content, DateTimeOffset PublishedAt);

/// <summary>
/// Loads a large catalogue (imports, benchmarks, load tests) through the entities' own transitions, in batches: each
/// batch is saved in its own transaction by a fresh context, so the change tracker never holds more than one batch
/// (a single context slowed to a crawl and passed 4 GB at 100,000 listings). New listings need no change-log rows: the
/// caller rebuilds the index, which an empty index does at start-up anyway. Statistics are refreshed at the end.
/// </summary>
public static class BulkCatalogue
{
    public const int BatchSize = 2000;

    public static async Task<int> LoadAsync(IServiceScopeFactory scopes, IReadOnlyList<BulkVendor> vendors, IEnumerable<BulkListing> listings,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var created = new List<Organisation>(vendors.Count);
        foreach (var chunk in vendors.Chunk(BatchSize))
        {
            var organisations = chunk.Select(v =>
            {
                var organisation = new Organisation(OrganisationKind.Vendor, v.Slug,
                    new OrganisationProfile(v.NameTh, v.NameEn, v.ProvinceCode, null, $"contact@{v.Slug}.example", null, null, null), null, now);
                organisation.Verify(now);
                return organisation;
            }).ToList();
            await SaveAsync(scopes, organisations, ct);
            created.AddRange(organisations);
        }

        var count = 0;
        foreach (var chunk in listings.Chunk(BatchSize))
        {
            var batch = chunk.Select(l =>
            {
                var vendor = created[l.Vendor];
                var listing = new Listing(vendor.Id, l.Slug, l.Content, l.PublishedAt);
                listing.Submit(l.PublishedAt);
                listing.Approve(vendor, l.PublishedAt);
                return listing;
            }).ToList();
            await SaveAsync(scopes, batch, ct);
            count += batch.Count;
        }

        await using var scope = scopes.CreateAsyncScope();
        await PlannerStatistics.AfterBulkLoadAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), ct);
        return count;
    }

    private static async Task SaveAsync<T>(IServiceScopeFactory scopes, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        // Only inserts: nothing to compare, so no snapshot scans of the whole batch on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<T>().AddRange(entities);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
