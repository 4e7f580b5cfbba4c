using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// Writes the change-log entries the search index needs, from what the context is about to save, so no
/// handler can forget one: a listing whose live copy or visibility changed, or a vendor whose name changed.
/// </summary>
internal static class ChangeTracking
{
    public static void AddSearchChanges(MarketplaceDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var entries = new List<ChangeLogEntry>();
        foreach (var entry in db.ChangeTracker.Entries<Listing>())
        {
            var touchesIndex = entry.State == EntityState.Deleted
                || entry.State == EntityState.Modified && (entry.Property(l => l.Live).IsModified || entry.Property(l => l.Visibility).IsModified);
            if (touchesIndex)
                entries.Add(new ChangeLogEntry(ChangeLogEntry.ListingEntity, entry.Entity.Id, now));
        }
        foreach (var entry in db.ChangeTracker.Entries<Organisation>().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Property(o => o.NameTh).IsModified || entry.Property(o => o.NameEn).IsModified)
                entries.Add(new ChangeLogEntry(ChangeLogEntry.VendorEntity, entry.Entity.Id, now));
        }
        AddPageChanges(db, entries, now);
        db.ChangeLog.AddRange(entries);
    }

    // Public pages show more than the index holds: one entry per kind and save is enough to drop the cached pages.
    private static readonly (string Kind, Type[] Types)[] PageData =
    [
        (ChangeLogEntry.CataloguePageEntity, [typeof(ListingLogo), typeof(Organisation)]),
        (ChangeLogEntry.PublicRecordEntity, [typeof(Domain.Challenges.Challenge), typeof(Domain.Challenges.Proposal),
            typeof(Domain.Challenges.ChallengeQuestion), typeof(Domain.Documents.Document), typeof(Domain.Procurement.Order),
            typeof(Domain.Procurement.Payment), typeof(Organisation)]),
        (ChangeLogEntry.TaxonomyEntity, [typeof(CategoryText), typeof(Province)]),
    ];

    private static void AddPageChanges(MarketplaceDbContext db, List<ChangeLogEntry> entries, DateTimeOffset now)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType).ToHashSet();
        foreach (var (kind, types) in PageData)
        {
            if (types.Any(changed.Contains))
                entries.Add(new ChangeLogEntry(kind, 0, now));
        }
    }
}
