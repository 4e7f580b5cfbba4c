using System.Globalization;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>The audit trail for NIA staff: every decision and every refused attempt, newest first, filterable.</summary>
public static class AuditLog
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    /// <param name="From">First Thai day shown, inclusive.</param>
    /// <param name="To">Last Thai day shown, inclusive.</param>
    /// <param name="Actor">Part of the acting person's name or e-mail address.</param>
    public sealed record Query(string? EntityType = null, string? EntityId = null, bool RefusedOnly = false, int Page = 1, int PageSize = 50,
        DateOnly? From = null, DateOnly? To = null, string? Actor = null) : IRequest<Result>;

    /// <summary>The most rows one CSV export holds; narrow the dates for more.</summary>
    public const int MaxExportRows = 10_000;

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize);

    public sealed record Row(DateTimeOffset At, string? UserName, string Action, string? EntityType, string? EntityId, string Summary, bool Refused);

    /// <summary>A row's summary in the reader's language (the page's, or the CSV's).</summary>
    public static string SummaryOf(AuditEvent e, CultureInfo culture) =>
        e.SummaryTemplate is { } template ? NoticeText.Render(TextArg.FromJson(template), culture, NoLinks) : e.Summary;

    private static readonly FixedSiteLinks NoLinks = new("");

    public sealed class Handler(MarketplaceDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var pageSize = Math.Clamp(request.PageSize, 1, MaxExportRows);
            var events = db.AuditEvents.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.EntityType))
                events = events.Where(e => e.EntityType == request.EntityType);
            if (!string.IsNullOrWhiteSpace(request.EntityId))
                events = events.Where(e => e.EntityId == request.EntityId);
            if (request.RefusedOnly)
                events = events.Where(e => e.Refused);
            if (request.From is { } from)
            {
                var start = Dates.EndOfThaiDay(from.AddDays(-1)).AddMinutes(1);
                events = events.Where(e => e.At >= start);
            }
            if (request.To is { } to)
            {
                var end = Dates.EndOfThaiDay(to).AddMinutes(1);
                events = events.Where(e => e.At < end);
            }
            if (!string.IsNullOrWhiteSpace(request.Actor))
                events = events.Where(e => e.UserName != null && e.UserName.Contains(request.Actor.Trim()));
            var total = await events.CountAsync(cancellationToken);
            var rows = await events.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return new Result(rows.Select(e => new Row(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, SummaryOf(e, CultureInfo.CurrentUICulture), e.Refused)).ToList(),
                total, page, pageSize);
        }
    }
}
