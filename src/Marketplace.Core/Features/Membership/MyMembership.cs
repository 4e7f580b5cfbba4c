using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>The applicant's view: the organisation they belong to, if any, and what happened to each request they made.</summary>
public static class MyMembership
{
    [RequiresSignIn]
    public sealed record Query : IRequest<Result>;

    public sealed record Result(int? OrganisationId, string? OrganisationNameTh, string? OrganisationNameEn, IReadOnlyList<Request> Requests,
        IReadOnlyList<Choice> Organisations);

    public sealed record Request(int Id, string OrganisationNameTh, string OrganisationNameEn, MembershipRequestState State,
        DateTimeOffset RequestedAt, string? RefusalReason);

    public sealed record Choice(int Id, OrganisationKind Kind, string NameTh, string NameEn);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var organisationId = await db.OrganisationIdOf(user, cancellationToken);
            var organisation = organisationId is null ? null
                : await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
            var requests = await (from r in db.MembershipRequests.AsNoTracking()
                                  where r.UserId == user.UserId
                                  join o in db.Organisations on r.OrganisationId equals o.Id
                                  orderby r.RequestedAt descending
                                  select new Request(r.Id, o.NameTh, o.NameEn, r.State, r.RequestedAt, r.RefusalReason)).ToListAsync(cancellationToken);
            var choices = organisationId is not null ? []
                : await db.Organisations.AsNoTracking().Where(o => o.Verification == VerificationState.Verified)
                    .OrderBy(o => o.Kind).ThenBy(o => o.NameTh).Select(o => new Choice(o.Id, o.Kind, o.NameTh, o.NameEn)).ToListAsync(cancellationToken);
            return new Result(organisationId, organisation?.NameTh, organisation?.NameEn, requests, choices);
        }
    }
}
