using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// The categories as worded by admins and the provinces, kept in memory: every search and browse page names them,
/// and they change a few times a year. Reloaded on the first use after <see cref="PublicChanges.TaxonomyVersion"/>
/// moves, which happens when an admin's edit commits here or arrives from another instance through the change log.
/// </summary>
public sealed class ReferenceData(IServiceScopeFactory scopes, PublicChanges changes)
{
    private volatile Snapshot? _current;

    public sealed record Snapshot(long Version, IReadOnlyList<NiaCategory> Categories, IReadOnlyDictionary<string, Province> Provinces)
    {
        public NiaCategory? Category(int number) => Categories.FirstOrDefault(c => c.Number == number);
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var version = changes.TaxonomyVersion;
        if (_current is { } current && current.Version == version)
            return current;
        // Read after the version: a load that overlaps an edit is stamped with the older version and reloaded next time.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var texts = await db.CategoryTexts.AsNoTracking().ToDictionaryAsync(t => t.Number, ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
        var loaded = new Snapshot(version, NiaCategory.All.Select(c => texts.TryGetValue(c.Number, out var text) ? text.ApplyTo(c) : c).ToList(), provinces);
        _current = loaded;
        return loaded;
    }
}
