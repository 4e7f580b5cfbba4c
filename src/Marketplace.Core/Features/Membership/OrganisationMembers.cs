using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>
/// An organisation's people: members, requests waiting for a decision and invitations not yet used.
/// Every member may see who belongs; only admins and moderators see requests and invitations and may act.
/// </summary>
public static class OrganisationMembers
{
    /// <param name="OrganisationId">Null: the signed-in person's own organisation. Moderators may name any.</param>
    [RequiresSignIn]
    public sealed record Query(int? OrganisationId = null) : IRequest<Result>;

    public sealed record Result(int OrganisationId, string NameTh, string NameEn, bool CanManage, IReadOnlyList<Member> Members,
        IReadOnlyList<PendingRequest> Requests, IReadOnlyList<OpenInvitation> Invitations);

    public sealed record Member(string UserId, string DisplayName, string Email, bool IsAdmin);

    public sealed record PendingRequest(int Id, string DisplayName, string Email, DateTimeOffset RequestedAt);

    public sealed record OpenInvitation(int Id, string Email, DateTimeOffset ExpiresAt);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var own = await db.OrganisationIdOf(user, cancellationToken);
            var organisationId = request.OrganisationId ?? own
                ?? throw new NotFoundException(Texts.Get("Features.Membership.OrganisationMembers.ThisAccountDoesNotBelongTo"));
            if (organisationId != own && !user.IsModerator())
                throw new ForbiddenException(Texts.Get("Features.Membership.OrganisationMembers.YouCanSeeOnlyYourOwn"));
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Membership.OrganisationMembers.ThisOrganisationDoesNotExist"));
            var canManage = user.IsModerator() || await MembershipRules.IsOrganisationAdminAsync(db, user, cancellationToken);

            var members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName)
                .Select(u => new Member(u.Id, u.DisplayName, u.Email!, u.IsOrganisationAdmin)).ToListAsync(cancellationToken);
            IReadOnlyList<PendingRequest> requests = [];
            IReadOnlyList<OpenInvitation> invitations = [];
            if (canManage)
            {
                requests = await (from r in db.MembershipRequests.AsNoTracking()
                                  where r.OrganisationId == organisationId && r.State == MembershipRequestState.Pending
                                  join u in db.Users on r.UserId equals u.Id
                                  orderby r.RequestedAt
                                  select new PendingRequest(r.Id, u.DisplayName, u.Email!, r.RequestedAt)).ToListAsync(cancellationToken);
                var now = clock.Now;
                invitations = await db.MembershipInvitations.AsNoTracking()
                    .Where(i => i.OrganisationId == organisationId && i.AcceptedAt == null && i.ExpiresAt > now)
                    .OrderBy(i => i.ExpiresAt).Select(i => new OpenInvitation(i.Id, i.Email.ToLower(), i.ExpiresAt)).ToListAsync(cancellationToken);
            }
            return new Result(organisation.Id, organisation.NameTh, organisation.NameEn, canManage, members, requests, invitations);
        }
    }
}
