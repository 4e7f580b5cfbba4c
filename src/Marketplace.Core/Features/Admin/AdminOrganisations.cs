using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Admin;

/// <summary>Every organisation with its state, members, admins and waiting requests.</summary>
public static class AdminOrganisations
{
    [RequiresRole(Roles.Admin)]
    public sealed record Query(string? Q = null, int Page = 1, int PageSize = 25) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string Slug, OrganisationKind Kind, string NameTh, string NameEn, string? JuristicNumber, VerificationState Verification,
        int Members, IReadOnlyList<string> Admins, int PendingRequests, bool ChangeWaiting);

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var organisations = db.Organisations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.Q))
            {
                var q = request.Q.Trim();
                organisations = organisations.Where(o => o.NameTh.Contains(q) || o.NameEn.Contains(q) || o.JuristicNumber == q);
            }
            var total = await organisations.CountAsync(cancellationToken);
            var items = await organisations.OrderBy(o => o.Kind).ThenBy(o => o.NameEn).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(o => new Item(o.Id, o.Slug, o.Kind, o.NameTh, o.NameEn, o.JuristicNumber, o.Verification,
                    db.Users.Count(u => u.OrganisationId == o.Id),
                    db.Users.Where(u => u.OrganisationId == o.Id && u.IsOrganisationAdmin).Select(u => u.Email!).ToList(),
                    db.MembershipRequests.Count(r => r.OrganisationId == o.Id && r.State == MembershipRequestState.Pending),
                    db.OrganisationChangeRequests.Any(c => c.OrganisationId == o.Id && c.State == ChangeRequestState.Pending)))
                .ToListAsync(cancellationToken);
            return new Result(items, total, page, request.PageSize);
        }
    }
}
