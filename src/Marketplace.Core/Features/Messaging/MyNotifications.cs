using System.Globalization;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Accounts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Messaging;

/// <summary>The signed-in person's in-app notifications, newest first, and marking them read.</summary>
public static class MyNotifications
{
    [RequiresSignIn]
    public sealed record Query(int Page = 1, int PageSize = 30) : IRequest<Result>;

    [RequiresSignIn]
    public sealed record MarkAllRead : ICommand<Unit>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Unread, int Page, int PageSize);

    public sealed record Item(string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

    /// <summary>Each notification is rendered now, in the language the person is reading the site in.</summary>
    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, ISiteLinks links)
        : IRequestHandler<Query, Result>, IRequestHandler<MarkAllRead, Unit>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
            var rows = await mine.OrderByDescending(n => n.CreatedAt).Skip((Math.Max(1, request.Page) - 1) * request.PageSize).Take(request.PageSize)
                .ToListAsync(cancellationToken);
            var items = rows.Select(n => new Item(NoticeText.Subject(n.Notice, CultureInfo.CurrentUICulture, links), n.Link, n.CreatedAt, n.ReadAt != null)).ToList();
            return new Result(items, await mine.CountAsync(cancellationToken), await mine.CountAsync(n => n.ReadAt == null, cancellationToken),
                Math.Max(1, request.Page), request.PageSize);
        }

        public async Task<Unit> Handle(MarkAllRead request, CancellationToken cancellationToken)
        {
            var unread = await db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null).ToListAsync(cancellationToken);
            unread.ForEach(n => n.MarkRead(clock.Now));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
