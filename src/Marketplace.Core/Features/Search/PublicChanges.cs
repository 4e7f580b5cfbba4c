using Marketplace.Core.Domain.Search;

namespace Marketplace.Core.Features.Search;

/// <summary>Which public pages a change affects.</summary>
[Flags]
public enum ChangedPages
{
    None = 0,

    /// <summary>Search, browse, listing and vendor pages, and the search API.</summary>
    Catalogue = 1,

    /// <summary>Challenges, the award register and the open-data feeds.</summary>
    PublicRecords = 2,

    /// <summary>Category wording and provinces, which every page may name.</summary>
    Taxonomy = 4,

    All = Catalogue | PublicRecords | Taxonomy,
}

/// <summary>
/// This instance's versions of its public pages' data, raised where changes become visible here: for the catalogue,
/// when this instance's index has applied them (so a page rendered after the raise shows the change, whichever
/// instance wrote it); for other data, when a command commits here and when the change log brings another instance's
/// change. Cached pages are keyed by these versions and dropped when they move (see the web layer's output cache).
/// </summary>
public sealed class PublicChanges
{
    private long _catalogue;
    private long _records;
    private long _taxonomy;

    public event Action<ChangedPages>? Changed;

    /// <summary>Moves when anything a catalogue page shows changed, taxonomy included.</summary>
    public long CatalogueVersion => Interlocked.Read(ref _catalogue);

    /// <summary>Moves when anything a public-record page shows changed, taxonomy included.</summary>
    public long RecordsVersion => Interlocked.Read(ref _records);

    /// <summary>Moves when category wording or provinces changed (<see cref="Catalogue.ReferenceData"/> reloads).</summary>
    public long TaxonomyVersion => Interlocked.Read(ref _taxonomy);

    public void Raise(ChangedPages pages)
    {
        // The taxonomy first: a page that sees the new page versions must also see the new wording.
        if (pages.HasFlag(ChangedPages.Taxonomy))
        {
            Interlocked.Increment(ref _taxonomy);
            pages = ChangedPages.All;
        }
        if (pages.HasFlag(ChangedPages.Catalogue))
            Interlocked.Increment(ref _catalogue);
        if (pages.HasFlag(ChangedPages.PublicRecords))
            Interlocked.Increment(ref _records);
        if (pages != ChangedPages.None)
            Changed?.Invoke(pages);
    }

    /// <summary>The pages that change-log entries affect. A vendor's name shows on catalogue pages and in the award register.</summary>
    public static ChangedPages Of(IEnumerable<ChangeLogEntry> entries)
    {
        var pages = ChangedPages.None;
        foreach (var entry in entries)
        {
            pages |= entry.EntityType switch
            {
                ChangeLogEntry.ListingEntity or ChangeLogEntry.CataloguePageEntity => ChangedPages.Catalogue,
                ChangeLogEntry.VendorEntity => ChangedPages.Catalogue | ChangedPages.PublicRecords,
                ChangeLogEntry.PublicRecordEntity => ChangedPages.PublicRecords,
                ChangeLogEntry.TaxonomyEntity => ChangedPages.Taxonomy,
                _ => ChangedPages.None,
            };
        }
        return pages;
    }
}
