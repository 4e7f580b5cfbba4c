using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data.Seeding;

/// <summary>A verified vendor to create in bulk.</summary>
public sealed record BulkVendor(string Slug, string NameTh, string NameEn, string ProvinceCode);

/// <summary>A published listing to create in bulk; <paramref name="Vendor"/> indexes the vendor list.</summary>
public sealed record BulkListing(int Vendor, string Slug, ListingContent Content, DateTimeOffset PublishedAt);

/// <summary>
/// Loads a large catalogue (imports, benchmarks, load tests) through the entities' own transitions, in batches: each
/// batch is saved in its own transaction by a fresh context (a single context slowed to a crawl and passed 4 GB at
/// 100,000 listings), the listings by one INSERT statement run for each rather than through the change tracker.
/// New listings need no change-log rows: the caller rebuilds the index, which an empty index does at start-up anyway.
/// Statistics are refreshed at the end.
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
            await InsertAsync(scopes, batch, ct);
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

    /// <summary>
    /// Inserts a batch of new listings with one INSERT statement, in one transaction, without the change tracker. The
    /// columns, their names and their conversions come from the EF model, so each row is what SaveChanges would
    /// write, on either database. Tracking was most of a load's time: EF snapshots a tracked listing's three JSON
    /// columns by serialising and parsing each (the comparer of <see cref="JsonColumn"/>), once when added and once
    /// after saving, and collecting that garbage stalled the loading thread for about half of the rest.
    /// </summary>
    private static async Task InsertAsync(IServiceScopeFactory scopes, IReadOnlyList<Listing> listings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var entity = db.Model.FindEntityType(typeof(Listing))!;
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        // The draft and the live copy of a new listing are one object: written as JSON once, not twice. (Only the JSON
        // columns' values are shared objects; boxed values are new objects each time, so they never match.)
        var converted = new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        foreach (var listing in listings)
        {
            converted.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                // The only shadow property is the concurrency version, which starts at its default like any new row's.
                var value = columns[i].IsShadowProperty() ? columns[i].Sentinel : columns[i].GetGetter().GetClrValueUsingContainingEntity(listing);
                if (command.Parameters.Count < columns.Count)
                {
                    // The first row makes the parameters as EF would (type, size, jsonb on PostgreSQL); later rows only change values.
                    command.Parameters.Add(mappings[i].CreateParameter(command, $"p{i}", value, columns[i].IsNullable));
                    continue;
                }
                var stored = value;
                if (value is not null && mappings[i].Converter is { } converter && !converted.TryGetValue(value, out stored))
                    converted[value] = stored = converter.ConvertToProvider(value);
                command.Parameters[i].Value = stored ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
