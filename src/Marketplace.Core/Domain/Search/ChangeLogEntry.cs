namespace Marketplace.Core.Domain.Search;

/// <summary>
/// "Something the search index must look at again", written in the same transaction as the change.
/// The index updater applies entries in <see cref="Sequence"/> order by re-reading the entity from the
/// database, so applying one twice is harmless and a crash between commit and indexing loses nothing.
/// </summary>
public sealed class ChangeLogEntry
{
    public const string ListingEntity = "Listing";
    public const string VendorEntity = "Vendor";

    // Not indexed: these tell every instance that public pages built from other data changed (cached pages are dropped).
    public const string CataloguePageEntity = "CataloguePage";
    public const string PublicRecordEntity = "PublicRecord";
    public const string TaxonomyEntity = "Taxonomy";

    private ChangeLogEntry() { }

    public ChangeLogEntry(string entityType, int entityId, DateTimeOffset at)
    {
        EntityType = entityType;
        EntityId = entityId;
        At = at;
    }

    public long Sequence { get; private set; }
    public string EntityType { get; private set; } = "";
    public int EntityId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
