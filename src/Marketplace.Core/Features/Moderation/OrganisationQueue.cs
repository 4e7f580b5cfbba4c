using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>Organisations waiting for verification, oldest first, with how long each has waited.</summary>
public static class OrganisationQueue
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(int Page = 1, int PageSize = 25) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, OrganisationKind Kind, string NameTh, string NameEn, string? JuristicNumber,
        string ProvinceCode, string? Website, string ContactEmail, DateTimeOffset CreatedAt, TimeSpan Waiting, IReadOnlyList<string> Members);

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var pending = db.Organisations.AsNoTracking().Where(o => o.Verification == VerificationState.Pending);
            var total = await pending.CountAsync(cancellationToken);
            var rows = await pending.OrderBy(o => o.CreatedAt).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(o => new
                {
                    o.Id,
                    o.Kind,
                    o.NameTh,
                    o.NameEn,
                    o.JuristicNumber,
                    o.ProvinceCode,
                    o.Website,
                    o.ContactEmail,
                    o.CreatedAt,
                    Members = db.Users.Where(u => u.OrganisationId == o.Id).Select(u => u.Email!).ToList(),
                })
                .ToListAsync(cancellationToken);
            var items = rows.Select(o => new Item(o.Id, o.Kind, o.NameTh, o.NameEn, o.JuristicNumber, o.ProvinceCode, o.Website,
                o.ContactEmail, o.CreatedAt, clock.Now - o.CreatedAt, o.Members)).ToList();
            return new Result(items, total, page, request.PageSize);
        }
    }
}
