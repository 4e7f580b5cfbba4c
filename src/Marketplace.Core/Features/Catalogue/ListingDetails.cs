using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// The listing page at /solutions/{slug}. The public reads the live copy; the vendor's members and
/// moderators may also preview the working copy. Unpublished listings are 404 to everybody else.
/// </summary>
public static class ListingDetails
{
    public sealed record Query(string Slug, bool Preview = false) : IRequest<Result>;

    public sealed record Result(int Id, string Slug, ListingContent Content, string DescriptionThHtml, string? DescriptionEnHtml,
        VendorSummary Vendor, bool IsPublic, bool IsPreview, bool CanManage, bool HasLogo, ReviewState Review, Visibility Visibility,
        DateTimeOffset? PublishedAt, IReadOnlyDictionary<string, string> ProvinceNames);

    public sealed record VendorSummary(int Id, string Slug, string NameTh, string NameEn, bool Verified);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, ReferenceData reference) : IRequestHandler<Query, Result>
    {
        // Compiled once, and the logo's presence read in the same round trip: the busiest page after search skips EF
        // Core's query cache lookup (and its lock) on every view.
        private static readonly Func<MarketplaceDbContext, string, CancellationToken, Task<Found?>> BySlug = EF.CompileAsyncQuery(
            (MarketplaceDbContext db, string slug, CancellationToken ct) => db.Listings.AsNoTracking().Where(l => l.Slug == slug)
                .Select(l => new Found(l, l.Vendor!,
                    db.ListingLogos.Any(g => g.ListingId == l.Id && g.ContentType != ""),
                    db.ListingLogos.Any(g => g.ListingId == l.Id && g.PendingContentType != null)))
                .SingleOrDefault());

        private sealed record Found(Listing Listing, Organisation Vendor, bool LiveLogo, bool PendingLogo);

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await BySlug(db, request.Slug, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Catalogue.ListingDetails.ThisSolutionDoesNotExist"));
            var listing = found.Listing;
            var canManage = user.UserId is not null && await db.OrganisationIdOf(user, cancellationToken) == listing.VendorId;
            var insider = canManage || user.IsModerator();
            if (!listing.IsPublic && !insider)
                throw new NotFoundException(Texts.Get("Features.Catalogue.ListingDetails.ThisSolutionDoesNotExist"));

            var preview = insider && (request.Preview || !listing.IsPublic);
            var content = preview ? listing.Draft : listing.Live!;
            var known = (await reference.GetAsync(cancellationToken)).Provinces;
            var provinces = content.Provinces.Where(known.ContainsKey).Distinct().ToDictionary(code => code, code => Bi.Pick(known[code].NameTh, known[code].NameEn));
            var vendor = found.Vendor;
            return new Result(listing.Id, listing.Slug, content, SafeMarkdown.ToHtml(content.DescriptionTh),
                content.DescriptionEn is null ? null : SafeMarkdown.ToHtml(content.DescriptionEn),
                new VendorSummary(vendor.Id, vendor.Slug, vendor.NameTh, vendor.NameEn, vendor.Verification == VerificationState.Verified),
                listing.IsPublic, preview, canManage,
                found.LiveLogo || (preview && found.PendingLogo),
                listing.Review, listing.Visibility, listing.PublishedAt, provinces);
        }
    }
}
