using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>
/// A signed-in person without an organisation asks to join a verified one. Nothing is granted yet:
/// the organisation's admins (or NIA) decide, whatever the person's e-mail domain.
/// </summary>
public static class RequestMembership
{
    [RequiresSignIn]
    public sealed class Command : ICommand<int>
    {
        public int OrganisationId { get; set; }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
            if (organisation is not { Verification: VerificationState.Verified })
                throw InvalidRequestException.For(nameof(Command.OrganisationId), Texts.Get("Features.Membership.RequestMembership.ChooseAVerifiedOrganisationAnOrganisation"));
            var asked = await Create(db, user.UserId!, organisation, clock.Now, cancellationToken);
            audit.Record(nameof(MembershipRequest), () => asked.Id, TextArg.Of("Audit.Summary.MembershipRequested", TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            await notifier.NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == organisation.Id && u.IsOrganisationAdmin),
                NewRequestMessage(organisation), "/organisations/members", cancellationToken);
            return asked.Id;
        }

        /// <summary>Also used by registration, so both ways of asking follow the same rules.</summary>
        internal static async Task<MembershipRequest> Create(MarketplaceDbContext db, string userId, Organisation organisation,
            DateTimeOffset now, CancellationToken ct)
        {
            if (await db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId != null, ct))
                throw new DomainRuleException(Texts.Get("Features.Membership.RequestMembership.ThisAccountAlreadyBelongsToAn"));
            if (await db.MembershipRequests.AnyAsync(r => r.UserId == userId && r.State == MembershipRequestState.Pending, ct))
                throw new DomainRuleException(Texts.Get("Features.Membership.RequestMembership.YouAlreadyHaveARequestWaiting"));
            var created = new MembershipRequest(userId, organisation.Id, now);
            db.MembershipRequests.Add(created);
            await db.SaveChangesAsync(ct);
            return created;
        }

        internal static Notice NewRequestMessage(Organisation organisation) =>
            Notice.Of("Mail.MembershipRequested", [TextArg.Bilingual(organisation.NameTh, organisation.NameEn)]);
    }
}
