using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>The audit trail for NIA staff: every decision and every refused attempt, newest first, filterable.</summary>
public static class AuditLog
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(string? EntityType = null, string? EntityId = null, bool RefusedOnly = false, int Page = 1, int PageSize = 50) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize);

    public sealed record Row(DateTimeOffset At, string? UserName, string Action, string? EntityType, string? EntityId, string Summary, bool Refused);

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var events = db.AuditEvents.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.EntityType))
                events = events.Where(e => e.EntityType == request.EntityType);
            if (!string.IsNullOrWhiteSpace(request.EntityId))
                events = events.Where(e => e.EntityId == request.EntityId);
            if (request.RefusedOnly)
                events = events.Where(e => e.Refused);
            var total = await events.CountAsync(cancellationToken);
            var rows = await events.OrderByDescending(e => e.Id).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(e => new Row(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Summary, e.Refused)).ToListAsync(cancellationToken);
            return new Result(rows, total, page, request.PageSize);
        }
    }
}
