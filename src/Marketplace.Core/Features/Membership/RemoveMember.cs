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

/// <summary>
/// An organisation admin (or a moderator) removes a member, or gives or takes the admin right.
/// An organisation always keeps at least one admin, or nobody could let new people in.
/// </summary>
public static class RemoveMember
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public int OrganisationId { get; set; }
        public string UserId { get; set; } = "";
    }

    [RequiresSignIn]
    public sealed class SetAdmin : ICommand<Unit>
    {
        public int OrganisationId { get; set; }
        public string UserId { get; set; } = "";
        public bool IsAdmin { get; set; }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, ICurrentUser user, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Command, Unit>, IRequestHandler<SetAdmin, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (organisation, member) = await FindMemberAsync(request.OrganisationId, request.UserId, cancellationToken);
            if (member.IsOrganisationAdmin)
                await EnsureAnotherAdminAsync(organisation.Id, member.Id, cancellationToken);
            // Told before leaving, while the query still finds the person by their membership.
            await notifier.NotifyUsersAsync(db.Users.Where(u => u.Id == member.Id),
                Notice.Of("Mail.MemberRemoved", [TextArg.Bilingual(organisation.NameTh, organisation.NameEn)]), null, cancellationToken);
            await MembershipRules.LeaveAsync(users, member, organisation.Kind);
            audit.Record(nameof(AppUser), () => member.Id, TextArg.Of("Audit.Summary.MemberRemoved", TextArg.Plain(member.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            return Unit.Value;
        }

        public async Task<Unit> Handle(SetAdmin request, CancellationToken cancellationToken)
        {
            var (organisation, member) = await FindMemberAsync(request.OrganisationId, request.UserId, cancellationToken);
            if (member.IsOrganisationAdmin && !request.IsAdmin)
                await EnsureAnotherAdminAsync(organisation.Id, member.Id, cancellationToken);
            member.IsOrganisationAdmin = request.IsAdmin;
            await users.UpdateAsync(member);
            audit.Record(nameof(AppUser), () => member.Id, request.IsAdmin
                ? TextArg.Of("Audit.Summary.AdminGranted", TextArg.Plain(member.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn))
                : TextArg.Of("Audit.Summary.AdminRevoked", TextArg.Plain(member.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            return Unit.Value;
        }

        private async Task<(Organisation, AppUser)> FindMemberAsync(int organisationId, string userId, CancellationToken ct)
        {
            await db.EnsureMayManageMembersAsync(user, organisationId, ct);
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct)
                ?? throw new NotFoundException(Texts.Get("Features.Membership.RemoveMember.ThisOrganisationDoesNotExist"));
            var member = await users.FindByIdAsync(userId);
            if (member is null || member.OrganisationId != organisation.Id)
                throw new NotFoundException(Texts.Get("Features.Membership.RemoveMember.ThisPersonIsNotAMember"));
            return (organisation, member);
        }

        private async Task EnsureAnotherAdminAsync(int organisationId, string memberId, CancellationToken ct)
        {
            if (!await db.Users.AnyAsync(u => u.OrganisationId == organisationId && u.IsOrganisationAdmin && u.Id != memberId, ct))
                throw new DomainRuleException(Texts.Get("Features.Membership.RemoveMember.TheOrganisationMustKeepAtLeast"));
        }
    }
}
