using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

public enum ListingDecision { Approve, RequestChanges, Reject, Unpublish }

/// <summary>
/// A moderator approves a submitted listing, requests changes field by field, rejects it, or unpublishes a
/// live one; the vendor's members are told in their language, in the app and by e-mail.
/// </summary>
public static class DecideListing
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed class Command : ICommand<Unit>
    {
        public int ListingId { get; set; }
        public ListingDecision Decision { get; set; }
        public string? Reason { get; set; }

        /// <summary>For <see cref="ListingDecision.RequestChanges"/>: field name → what to change. Blank entries are ignored.</summary>
        public Dictionary<string, string?> FieldRequests { get; set; } = [];
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit, Notifier notifier) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var listing = await db.Listings.Include(l => l.Vendor).SingleOrDefaultAsync(l => l.Id == request.ListingId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Moderation.DecideListing.ThisListingDoesNotExist"));
            var title = listing.Draft.TitleTh;
            TextArg[] titled = [TextArg.Bilingual(title, listing.Draft.TitleEn)];
            var now = clock.Now;
            Notice message;
            switch (request.Decision)
            {
                case ListingDecision.Approve:
                    listing.Approve(listing.Vendor!, now);
                    (await db.ListingLogos.SingleOrDefaultAsync(l => l.ListingId == listing.Id, cancellationToken))?.GoLive();
                    message = Notice.Of("Mail.ListingApproved", titled);
                    break;
                case ListingDecision.RequestChanges:
                    var requests = request.FieldRequests.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!);
                    listing.RequestChanges(requests, now);
                    // Each field by its label in the reader's language, never by its code name.
                    var lines = requests.Select(r => TextArg.Of("Mail.ListingChangesRequested.Line",
                        ListingDiff.LabelKey(r.Key) is { } label ? TextArg.Of(label) : TextArg.Of("Field.Unknown"), TextArg.Plain(r.Value)));
                    message = Notice.Of("Mail.ListingChangesRequested", titled, TextArg.LinesOf(lines));
                    break;
                case ListingDecision.Reject:
                    listing.Reject(request.Reason ?? "", now);
                    message = Notice.Of("Mail.ListingRejected", titled, TextArg.Plain(request.Reason));
                    break;
                default:
                    listing.Unpublish(request.Reason ?? "", now);
                    message = Notice.Of("Mail.ListingUnpublished", titled, TextArg.Plain(request.Reason));
                    break;
            }
            await notifier.NotifyOrganisationAsync(listing.VendorId, message, "/vendor/listings", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Listing), () => listing.Id, TextArg.Of("Audit.Summary.Listing" + request.Decision, titled[0], TextArg.Plain(request.Reason)));
            return Unit.Value;
        }
    }
}
