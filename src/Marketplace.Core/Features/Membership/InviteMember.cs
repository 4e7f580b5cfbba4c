using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Membership;

/// <summary>An organisation admin invites a teammate by e-mail; the link works once, for that address, for seven days.</summary>
public static class InviteMember
{
    [RequiresSignIn]
    public sealed class Command : ICommand<int>
    {
        public int OrganisationId { get; set; }
        public string? Email { get; set; }

        /// <summary>The site's absolute address, for the link in the e-mail (e.g. "https://marketplace.example").</summary>
        public string SiteUrl { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => Texts.Get("Features.Membership.InviteMember.EnterTheEMailAddressOf"))
                .EmailAddress().WithMessage(_ => Texts.Get("Features.Membership.InviteMember.EnterAnEMailAddressLike"))
                .MaximumLength(256).WithMessage(_ => Texts.Get("Features.Membership.InviteMember.TheEMailAddressMustBe"));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            await db.EnsureMayManageMembersAsync(user, request.OrganisationId, cancellationToken);
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Membership.InviteMember.ThisOrganisationDoesNotExist"));
            var email = request.Email!.Trim();
            var normalised = MembershipInvitation.NormaliseEmail(email);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.OrganisationId == organisation.Id, cancellationToken))
                throw InvalidRequestException.For(nameof(Command.Email), Texts.Get("Features.Membership.InviteMember.ThisPersonIsAlreadyAMember"));

            var (invitation, token) = MembershipInvitation.Create(organisation.Id, email, user.UserId!, clock.Now);
            db.MembershipInvitations.Add(invitation);
            var link = $"{request.SiteUrl.TrimEnd('/')}/organisations/accept-invitation?token={token}";
            // The invitee may have no account yet, so we do not know their language: the e-mail carries both.
            db.OutboxEmails.Add(new OutboxEmail(email, $"คำเชิญเข้าร่วม {organisation.NameTh} / Invitation to join {organisation.NameEn}",
                $"คุณได้รับเชิญให้เข้าร่วม {organisation.NameTh} ในตลาดนวัตกรรมภาครัฐ ลิงก์นี้ใช้ได้ครั้งเดียวภายใน 7 วัน " +
                $"และใช้ได้กับบัญชีของอีเมลนี้เท่านั้น\n\nYou are invited to join {organisation.NameEn} on the GovTech Marketplace. " +
                $"The link works once, within 7 days, for the account with this e-mail address only.\n\n{link}", clock.Now));
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(MembershipInvitation), () => invitation.Id, $"Invited {email} to '{organisation.NameEn}'");
            return invitation.Id;
        }
    }
}
