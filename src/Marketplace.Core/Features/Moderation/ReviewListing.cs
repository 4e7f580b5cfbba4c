using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>What a moderator sees before deciding: the published and the submitted version side by side, and the checklist.</summary>
public static class ReviewListing
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(int ListingId) : IRequest<Result>;

    public sealed record Result(int Id, string Slug, string TitleTh, string VendorNameTh, string VendorNameEn, bool VendorVerified,
        ReviewState Review, Visibility Visibility, bool IsRevision, IReadOnlyList<FieldComparison> Fields, IReadOnlyList<QualityCheck> Checklist);

    public sealed class Handler(MarketplaceDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var listing = await db.Listings.AsNoTracking().Include(l => l.Vendor).SingleOrDefaultAsync(l => l.Id == request.ListingId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Moderation.ReviewListing.ThisListingDoesNotExist"));
            var checklist = await mediator.Send(new SubmitListing.Checklist(listing.Id), cancellationToken);
            var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Bi.Pick(p.NameTh, p.NameEn), cancellationToken);
            return new Result(listing.Id, listing.Slug, listing.Draft.TitleTh, listing.Vendor!.NameTh, listing.Vendor.NameEn,
                listing.Vendor.Verification == VerificationState.Verified, listing.Review, listing.Visibility, listing.Live is not null,
                ListingDiff.Compare(listing.Live, listing.Draft, provinces), checklist);
        }
    }
}
