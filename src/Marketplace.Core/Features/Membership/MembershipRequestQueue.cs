using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>NIA's view of every request to join an organisation that is still waiting, oldest first.</summary>
public static class MembershipRequestQueue
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(int Page = 1, int PageSize = 25) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string DisplayName, string Email, int OrganisationId, string OrganisationNameTh, string OrganisationNameEn,
        string? OrganisationWebsite, DateTimeOffset RequestedAt);

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var pending = from r in db.MembershipRequests.AsNoTracking()
                          where r.State == MembershipRequestState.Pending
                          join u in db.Users on r.UserId equals u.Id
                          join o in db.Organisations on r.OrganisationId equals o.Id
                          orderby r.RequestedAt
                          select new Item(r.Id, u.DisplayName, u.Email!, o.Id, o.NameTh, o.NameEn, o.Website, r.RequestedAt);
            var total = await pending.CountAsync(cancellationToken);
            var items = await pending.Skip((page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
            return new Result(items, total, page, request.PageSize);
        }
    }
}
