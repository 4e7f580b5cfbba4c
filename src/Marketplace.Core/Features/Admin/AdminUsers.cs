using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Admin;

/// <summary>Every account, searched by name or e-mail, with its roles, lock, confirmation and memberships.</summary>
public static class AdminUsers
{
    [RequiresRole(Roles.Admin)]
    public sealed record Query(string? Q = null, int Page = 1, int PageSize = 25) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(string Id, string DisplayName, string Email, bool EmailConfirmed, bool LockedOut, IReadOnlyList<string> Roles,
        string? OrganisationNameTh, string? OrganisationNameEn, bool IsOrganisationAdmin, IReadOnlyList<string> PendingRequestsTo);

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.Q))
            {
                var q = request.Q.Trim();
                var upper = q.ToUpperInvariant();
                users = users.Where(u => u.DisplayName.Contains(q) || u.NormalizedEmail!.Contains(upper));
            }
            var total = await users.CountAsync(cancellationToken);
            var now = clock.Now;
            var rows = await users.OrderBy(u => u.Email).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    u.EmailConfirmed,
                    u.LockoutEnd,
                    Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList(),
                    OrganisationNameTh = u.Organisation == null ? null : u.Organisation.NameTh,
                    OrganisationNameEn = u.Organisation == null ? null : u.Organisation.NameEn,
                    u.IsOrganisationAdmin,
                    Pending = (from m in db.MembershipRequests
                               where m.UserId == u.Id && m.State == MembershipRequestState.Pending
                               join o in db.Organisations on m.OrganisationId equals o.Id
                               select o.NameEn).ToList(),
                })
                .ToListAsync(cancellationToken);
            var items = rows.Select(u => new Item(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.LockoutEnd > now, u.Roles.Order().ToList(),
                u.OrganisationNameTh, u.OrganisationNameEn, u.IsOrganisationAdmin, u.Pending)).ToList();
            return new Result(items, total, page, request.PageSize);
        }
    }
}
