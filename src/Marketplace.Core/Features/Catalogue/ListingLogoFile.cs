using Marketplace.Core.Common;
using Marketplace.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>A listing's logo image; visible wherever the listing is.</summary>
public static class ListingLogoFile
{
    public sealed record Query(string Slug) : IRequest<Result>;

    public sealed record Result(string ContentType, byte[] Bytes);

    public sealed class Handler(MarketplaceDbContext db, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var listing = await mediator.Send(new ListingDetails.Query(request.Slug), cancellationToken);
            return await db.ListingLogos.AsNoTracking().Where(l => l.ListingId == listing.Id)
                .Select(l => new Result(l.ContentType, l.Bytes)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Bi.T("รายการนี้ไม่มีโลโก้", "This listing has no logo"));
        }
    }
}
