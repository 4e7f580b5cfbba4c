using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// A vendor creates a draft listing or edits one of its own. Editing a published listing starts a
/// revision: the public keeps seeing the approved version until a moderator approves the new one.
/// </summary>
public static class SaveListing
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Query(int ListingId) : IRequest<Command>;

    [RequiresRole(Roles.Vendor)]
    public sealed class Command : ICommand<Result>
    {
        /// <summary>Null creates a new listing.</summary>
        public int? ListingId { get; set; }
        public ListingForm Listing { get; set; } = new();
        public byte[]? Logo { get; set; }

        /// <summary>The version the form showed; a save over a newer one is refused as a lost race (SeenVersions).</summary>
        public long? Version { get; set; }
    }

    public sealed record Result(int ListingId, string Slug);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            RuleFor(x => x.Listing).CustomAsync(async (form, context, ct) =>
            {
                var result = await new ListingFormValidator(await ListingFormValidator.ProvinceCodesAsync(db, ct)).ValidateAsync(form, ct);
                foreach (var error in result.Errors)
                    context.AddFailure($"{nameof(Command.Listing)}.{error.PropertyName}", error.ErrorMessage);
            });
            RuleFor(x => x.Logo).Custom((logo, context) =>
            {
                if (logo is not null && ListingLogo.Inspect(logo).Problem is { } problem)
                    context.AddFailure(nameof(Command.Logo), problem);
            });
        }
    }

    public sealed class QueryHandler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var listing = await db.OwnListingAsync(user, request.ListingId, cancellationToken);
            return new Command { ListingId = listing.Id, Listing = ListingForm.From(listing.Draft), Version = db.VersionOf(listing) };
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var content = request.Listing.ToContent();
            Listing listing;
            if (request.ListingId is { } id)
            {
                listing = await db.OwnListingAsync(user, id, cancellationToken);
                db.ExpectVersion(listing, request.Version);
                var wasPublic = listing.IsPublic;
                listing.Edit(content, clock.Now);
                audit.Record(nameof(Listing), () => listing.Id, wasPublic
                    ? TextArg.Of("Audit.Summary.ListingRevisionStarted", TextArg.Bilingual(content.TitleTh, content.TitleEn))
                    : TextArg.Of("Audit.Summary.ListingDraftEdited", TextArg.Bilingual(content.TitleTh, content.TitleEn)));
            }
            else
            {
                var vendorId = await db.OrganisationIdOf(user, cancellationToken)
                    ?? throw new ForbiddenException(Texts.Get("Features.Catalogue.SaveListing.ThisAccountDoesNotBelongTo"));
                var slug = await Slug.UniqueAsync(Slug.From(content.TitleEn, "solution"), s => db.Listings.AnyAsync(l => l.Slug == s, cancellationToken));
                listing = new Listing(vendorId, slug, content, clock.Now);
                db.Listings.Add(listing);
                audit.Record(nameof(Listing), () => listing.Id, TextArg.Of("Audit.Summary.ListingDraftCreated", TextArg.Bilingual(content.TitleTh, content.TitleEn)));
            }
            await db.SaveChangesAsync(cancellationToken);

            if (request.Logo is not null)
                await SaveLogoAsync(listing.Id, request.Logo, cancellationToken);
            return new Result(listing.Id, listing.Slug);
        }

        private async Task SaveLogoAsync(int listingId, byte[] bytes, CancellationToken ct)
        {
            var logo = await db.ListingLogos.SingleOrDefaultAsync(l => l.ListingId == listingId, ct);
            // The new logo waits with the revision; the live one stays until NIA approves.
            if (logo is null)
                db.ListingLogos.Add(ListingLogo.Propose(listingId, bytes));
            else
                logo.ProposeReplacement(bytes);
            await db.SaveChangesAsync(ct);
        }
    }
}
