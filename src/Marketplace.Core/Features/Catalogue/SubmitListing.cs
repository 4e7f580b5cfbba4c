using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>A vendor sends its draft (or its revision) to NIA's moderators, once every quality check passes.</summary>
public static class SubmitListing
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Command(int ListingId) : ICommand<Unit>;

    /// <summary>The checklist the vendor sees before submitting (and the moderator while reviewing).</summary>
    [RequiresSignIn]
    public sealed record Checklist(int ListingId) : IRequest<IReadOnlyList<QualityCheck>>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Command, Unit>, IRequestHandler<Checklist, IReadOnlyList<QualityCheck>>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var listing = await db.OwnListingAsync(user, request.ListingId, cancellationToken);
            var failed = (await ChecksAsync(listing, cancellationToken)).Where(c => !c.Passed).ToList();
            if (failed.Count > 0)
                throw new InvalidRequestException(failed.Select(c => new FieldError("", c.Message)).ToList());
            listing.Submit(clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Listing), () => listing.Id, TextArg.Of("Audit.Summary.ListingSubmitted", TextArg.Bilingual(listing.Draft.TitleTh, listing.Draft.TitleEn)));
            return Unit.Value;
        }

        public async Task<IReadOnlyList<QualityCheck>> Handle(Checklist request, CancellationToken cancellationToken)
        {
            var listing = user.IsModerator()
                ? await db.Listings.SingleOrDefaultAsync(l => l.Id == request.ListingId, cancellationToken)
                    ?? throw new NotFoundException(Texts.Get("Features.Catalogue.SubmitListing.ThisListingDoesNotExist"))
                : await db.OwnListingAsync(user, request.ListingId, cancellationToken);
            return await ChecksAsync(listing, cancellationToken);
        }

        private async Task<IReadOnlyList<QualityCheck>> ChecksAsync(Listing listing, CancellationToken ct)
        {
            var otherTitles = await db.Listings.Where(l => l.VendorId == listing.VendorId && l.Id != listing.Id)
                .Select(l => l.Draft).ToListAsync(ct);
            return ListingQuality.Check(listing.Draft, otherTitles.SelectMany(c => new[] { c.TitleTh, c.TitleEn ?? "" }).Where(t => t.Length > 0));
        }
    }
}
