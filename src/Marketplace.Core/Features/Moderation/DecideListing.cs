using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
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
            var now = clock.Now;
            BilingualMessage message;
            switch (request.Decision)
            {
                case ListingDecision.Approve:
                    listing.Approve(listing.Vendor!, now);
                    (await db.ListingLogos.SingleOrDefaultAsync(l => l.ListingId == listing.Id, cancellationToken))?.GoLive();
                    message = new($"เผยแพร่ \"{title}\" แล้ว", $"\"{listing.Draft.TitleEn ?? title}\" is published",
                        "เจ้าหน้าที่ NIA อนุมัติรายการของคุณ ตอนนี้ทุกคนเห็นและค้นหาได้แล้ว", "NIA approved your listing: it is now public and searchable.");
                    break;
                case ListingDecision.RequestChanges:
                    var requests = request.FieldRequests.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!);
                    listing.RequestChanges(requests, now);
                    var list = string.Join("\n", requests.Select(r => $"- {r.Key}: {r.Value}"));
                    message = new($"ขอให้แก้ไข \"{title}\"", $"Changes requested on \"{listing.Draft.TitleEn ?? title}\"",
                        "เจ้าหน้าที่ NIA ขอให้แก้ไขรายการของคุณ:\n" + list, "NIA asks you to change your listing:\n" + list);
                    break;
                case ListingDecision.Reject:
                    listing.Reject(request.Reason ?? "", now);
                    message = new($"\"{title}\" ไม่ผ่านการพิจารณา", $"\"{listing.Draft.TitleEn ?? title}\" was rejected",
                        "เหตุผล: " + request.Reason, "Reason: " + request.Reason);
                    break;
                default:
                    listing.Unpublish(request.Reason ?? "", now);
                    message = new($"\"{title}\" ถูกยกเลิกการเผยแพร่", $"\"{listing.Draft.TitleEn ?? title}\" was unpublished",
                        "เหตุผล: " + request.Reason, "Reason: " + request.Reason);
                    break;
            }
            await notifier.NotifyOrganisationAsync(listing.VendorId, message, "/vendor/listings", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Listing), () => listing.Id, $"{request.Decision} '{title}'" + (request.Reason is null ? "" : $": {request.Reason}"));
            return Unit.Value;
        }
    }
}
