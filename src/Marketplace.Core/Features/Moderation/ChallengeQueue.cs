using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>Challenges waiting for a moderator, oldest submission first; and one of them, as its review page shows it.</summary>
public static class ChallengeQueue
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query(int Page = 1, int PageSize = 25) : IRequest<Result>;

    /// <summary>The challenge page's content for any challenge, looked up by id as the queue links to it.</summary>
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Review(int ChallengeId) : IRequest<ChallengeDetails.Result>;

    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed record Item(int Id, string TitleTh, string? TitleEn, string AgencyNameTh, string AgencyNameEn,
        DateTimeOffset SubmittedAt, TimeSpan Waiting, int ProposalWindowDays);

    public sealed class Handler(MarketplaceDbContext db, IClock clock, IMediator mediator)
        : IRequestHandler<Query, Result>, IRequestHandler<Review, ChallengeDetails.Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, request.Page);
            var submitted = db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Submitted);
            var total = await submitted.CountAsync(cancellationToken);
            var rows = await submitted.OrderBy(c => c.SubmittedAt).Skip((page - 1) * request.PageSize).Take(request.PageSize)
                .Select(c => new { c.Id, c.Content, c.SubmittedAt, c.ProposalsDeadline, c.Agency!.NameTh, c.Agency.NameEn })
                .ToListAsync(cancellationToken);
            var now = clock.Now;
            // The window a vendor would get if the challenge were published now.
            return new Result(rows.Select(r => new Item(r.Id, r.Content.TitleTh, r.Content.TitleEn, r.NameTh, r.NameEn, r.SubmittedAt!.Value,
                now - r.SubmittedAt.Value, (int)(r.ProposalsDeadline - now).TotalDays)).ToList(), total, page, request.PageSize);
        }

        public async Task<ChallengeDetails.Result> Handle(Review request, CancellationToken cancellationToken)
        {
            var slug = await db.Challenges.AsNoTracking().Where(c => c.Id == request.ChallengeId).Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Moderation.ChallengeQueue.ThisChallengeDoesNotExist"));
            return await mediator.Send(new ChallengeDetails.Query(slug), cancellationToken);
        }
    }
}
