using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Search;

/// <summary>Turns published listings into the plain records the search engine indexes.</summary>
internal static class SearchDocuments
{
    /// <summary>How many listings the index should hold: the ones <see cref="LoadPublishedAsync"/> would load.</summary>
    public static Task<int> CountPublishedAsync(MarketplaceDbContext db, CancellationToken ct) =>
        db.Listings.CountAsync(l => l.Visibility == Visibility.Published && l.Live != null, ct);

    /// <summary>The published listings among <paramref name="ids"/> (all of them when null), ready to index.</summary>
    public static async Task<List<SolutionDocument>> LoadPublishedAsync(MarketplaceDbContext db, IReadOnlyCollection<int>? ids, DateOnly today, CancellationToken ct)
    {
        var query = Published(db);
        if (ids is not null)
            query = query.Where(l => ids.Contains(l.Id));
        return ToDocuments(await Rows(query).ToListAsync(ct), today);
    }

    /// <summary>
    /// The next <paramref name="count"/> published listings after <paramref name="afterId"/> in id order, ready to index:
    /// one page of a rebuild. Paged by key, not by offset, so each page is a range read of the primary key however far in.
    /// </summary>
    public static async Task<List<SolutionDocument>> LoadPublishedPageAsync(MarketplaceDbContext db, int afterId, int count, DateOnly today, CancellationToken ct) =>
        ToDocuments(await Rows(Published(db).Where(l => l.Id > afterId).OrderBy(l => l.Id).Take(count)).ToListAsync(ct), today);

    private static IQueryable<Listing> Published(MarketplaceDbContext db) =>
        db.Listings.AsNoTracking().Where(l => l.Visibility == Visibility.Published && l.Live != null);

    // Only the columns a document needs: not the working copy, the moderator's notes or the filter copies.
    private static IQueryable<Row> Rows(IQueryable<Listing> listings) =>
        listings.Select(l => new Row(l.Id, l.Slug, l.Live!, l.PublishedAt, l.Vendor!.NameTh, l.Vendor.NameEn, l.Vendor.Slug));

    private static List<SolutionDocument> ToDocuments(List<Row> rows, DateOnly today) =>
        rows.ConvertAll(r => ToDocument(r.Id, r.Slug, r.Live, r.VendorTh, r.VendorEn, r.VendorSlug, r.PublishedAt ?? DateTimeOffset.UnixEpoch, today));

    private sealed record Row(int Id, string Slug, ListingContent Live, DateTimeOffset? PublishedAt, string VendorTh, string? VendorEn, string VendorSlug);

    public static SolutionDocument ToDocument(int id, string slug, ListingContent c, string vendorTh, string? vendorEn, string vendorSlug,
        DateTimeOffset publishedAt, DateOnly today) =>
        new(id, slug, c.TitleTh, c.TitleEn, c.SummaryTh, c.SummaryEn,
            SafeMarkdown.ToPlainText(c.DescriptionTh), c.DescriptionEn is null ? null : SafeMarkdown.ToPlainText(c.DescriptionEn),
            c.Tags, vendorTh, vendorEn, vendorSlug, c.Sector.ToString(), c.Categories.ToList(), c.Provinces,
            c.Maturity.ToString(), c.PricingModel.ToString(), c.HasValidInnovationListing(today), publishedAt)
        {
            CertifiedUntil = CertifiedUntil(c, today),
        };

    /// <summary>The last day of the listing's valid Innovation List entry; <see cref="DateOnly.MaxValue"/> when it never expires.</summary>
    private static DateOnly? CertifiedUntil(ListingContent c, DateOnly today) => c.HasValidInnovationListing(today)
        ? c.Certifications.Where(x => x.Kind == Certification.InnovationList).Max(x => x.Expires ?? DateOnly.MaxValue)
        : null;
}
