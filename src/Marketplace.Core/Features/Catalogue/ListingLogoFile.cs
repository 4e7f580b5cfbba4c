using Marketplace.Core.Common;
using Marketplace.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>A listing's live logo, visible wherever the listing is; the vendor and moderators may preview the pending one.</summary>
public static class ListingLogoFile
{
    public sealed record Query(string Slug, bool Preview = false) : IRequest<Result>;

    public sealed record Result(string ContentType, byte[] Bytes);

    public sealed class Handler(MarketplaceDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var listing = await mediator.Send(new ListingDetails.Query(request.Slug, request.Preview), cancellationToken);
            var logo = await db.ListingLogos.AsNoTracking().SingleOrDefaultAsync(l => l.ListingId == listing.Id, cancellationToken);
            if (listing.IsPreview && logo?.PendingBytes is { } pending)
                return new Result(logo.PendingContentType!, pending);
            return logo is { IsLive: true } ? new Result(logo.ContentType, logo.Bytes)
                : throw new NotFoundException(Texts.Get("Features.Catalogue.ListingLogoFile.ThisListingHasNoLogo"));
        }
    }
}
