using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using MediatR;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>A vendor takes its published listing off the public site.</summary>
public static class WithdrawListing
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Command(int ListingId) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var listing = await db.OwnListingAsync(user, request.ListingId, cancellationToken);
            listing.Withdraw(clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Listing), () => listing.Id, TextArg.Of("Audit.Summary.ListingWithdrawn", TextArg.Bilingual(listing.Live!.TitleTh, listing.Live.TitleEn)));
            return Unit.Value;
        }
    }
}
