using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>Listings and revisions waiting for a decision, oldest submission first.</summary>
public static class ListingQueue
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(int Page = 1, int PageSize = 25) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string Slug, string TitleTh, string? TitleEn, string VendorNameTh, string VendorNameEn,
        bool IsRevision, DateTimeOffset SubmittedAt, TimeSpan Waiting);

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var submitted = db.Listings.AsNoTracking().Where(l => l.Review == ReviewState.Submitted);
            var total = await submitted.CountAsync(cancellationToken);
            var rows = await submitted.OrderBy(l => l.SubmittedAt).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(l => new { l.Id, l.Slug, l.Draft, IsRevision = l.Live != null, l.SubmittedAt, l.Vendor!.NameTh, l.Vendor.NameEn })
                .ToListAsync(cancellationToken);
            return new Result(rows.Select(r => new Item(r.Id, r.Slug, r.Draft.TitleTh, r.Draft.TitleEn, r.NameTh, r.NameEn, r.IsRevision,
                r.SubmittedAt!.Value, clock.Now - r.SubmittedAt.Value)).ToList(), total, page, request.PageSize);
        }
    }
}
