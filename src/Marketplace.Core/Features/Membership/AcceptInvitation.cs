using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>The invited person, signed in with the invited address, joins the organisation.</summary>
public static class AcceptInvitation
{
    /// <summary>What the link leads to, before the person decides; null when the token matches nothing.</summary>
    public sealed record Query(string? Token) : IRequest<Preview?>;

    public sealed record Preview(string OrganisationNameTh, string OrganisationNameEn, string Email, bool Open, bool Used);

    [RequiresSignIn]
    public sealed class Command : ICommand<int>
    {
        public string? Token { get; set; }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Query, Preview?>, IRequestHandler<Command, int>
    {
        public async Task<Preview?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Token))
                return null;
            var hash = MembershipInvitation.HashOf(request.Token.Trim());
            var found = await db.MembershipInvitations.AsNoTracking().Where(i => i.TokenHash == hash)
                .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i, o.NameTh, o.NameEn })
                .SingleOrDefaultAsync(cancellationToken);
            return found is null ? null
                : new Preview(found.NameTh, found.NameEn, found.i.Email.ToLowerInvariant(), found.i.IsOpen(clock.Now), found.i.AcceptedAt is not null);
        }

        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var hash = MembershipInvitation.HashOf((request.Token ?? "").Trim());
            var invitation = await db.MembershipInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken)
                ?? throw new DomainRuleException(Texts.Get("Features.Membership.AcceptInvitation.ThisInvitationLinkIsNotValid"));
            var person = await users.FindByIdAsync(user.UserId!) ?? throw new ForbiddenException(Texts.Get("Features.Membership.AcceptInvitation.YouNeedToSignInFirst"));
            invitation.Accept(person.Id, person.Email ?? "", clock.Now);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
            await MembershipRules.JoinAsync(users, person, organisation, asAdmin: false);
            await db.SaveChangesAsync(cancellationToken);

            audit.Record(nameof(MembershipInvitation), () => invitation.Id, TextArg.Of("Audit.Summary.InvitationAccepted", TextArg.Plain(person.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            await notifier.NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == organisation.Id && u.IsOrganisationAdmin),
                Notice.Of("Mail.InvitationAccepted", [TextArg.Plain(person.DisplayName), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)]), "/organisations/members", cancellationToken);
            return organisation.Id;
        }
    }
}
