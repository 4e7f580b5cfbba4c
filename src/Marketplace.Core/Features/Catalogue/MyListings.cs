using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>The vendor's dashboard: every listing of its organisation, its state, and what the moderator asked.</summary>
public static class MyListings
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Query : IRequest<Result>;

    public sealed record Result(bool OrganisationVerified, IReadOnlyList<Item> Items);

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, ReviewState Review, Visibility Visibility,
        bool HasPendingRevision, IReadOnlyDictionary<string, string> RequestedChanges, string? ModeratorReason, DateTimeOffset UpdatedAt);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var organisationId = await db.OrganisationIdOf(user, cancellationToken)
                ?? throw new ForbiddenException(Texts.Get("Features.Catalogue.MyListings.ThisAccountDoesNotBelongTo"));
            var verified = await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Verification == Domain.VerificationState.Verified, cancellationToken);
            var listings = await db.Listings.AsNoTracking().Where(l => l.VendorId == organisationId)
                .OrderByDescending(l => l.UpdatedAt).ToListAsync(cancellationToken);
            return new Result(verified, listings.Select(l => new Item(l.Id, l.Slug, l.Draft.TitleTh, l.Draft.TitleEn, l.Review, l.Visibility,
                l.HasPendingRevision, l.RequestedChanges, l.ModeratorReason, l.UpdatedAt)).ToList());
        }
    }
}
