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
    private readonly VersionedSnapshot<Snapshot> _snapshot = new(scopes, () => changes.TaxonomyVersion, LoadAsync);

    public sealed record Snapshot(long Version, IReadOnlyList<NiaCategory> Categories, IReadOnlyDictionary<string, Province> Provinces)
    {
        public NiaCategory? Category(int number) => Categories.FirstOrDefault(c => c.Number == number);
    }

    public Task<Snapshot> GetAsync(CancellationToken ct) => _snapshot.GetAsync(ct);

    private static async Task<Snapshot> LoadAsync(MarketplaceDbContext db, long version, CancellationToken ct)
    {
        var texts = await db.CategoryTexts.AsNoTracking().ToDictionaryAsync(t => t.Number, ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
        return new Snapshot(version, NiaCategory.All.Select(c => texts.TryGetValue(c.Number, out var text) ? text.ApplyTo(c) : c).ToList(), provinces);
    }
}
