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
        var query = db.Listings.AsNoTracking().Where(l => l.Visibility == Visibility.Published && l.Live != null);
        if (ids is not null)
            query = query.Where(l => ids.Contains(l.Id));
        var rows = await query.Select(l => new { l.Id, l.Slug, l.Live, l.PublishedAt, l.Vendor!.NameTh, l.Vendor.NameEn, VendorSlug = l.Vendor.Slug })
            .ToListAsync(ct);
        return rows.Select(r => ToDocument(r.Id, r.Slug, r.Live!, r.NameTh, r.NameEn, r.VendorSlug, r.PublishedAt ?? DateTimeOffset.UnixEpoch, today)).ToList();
    }

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
