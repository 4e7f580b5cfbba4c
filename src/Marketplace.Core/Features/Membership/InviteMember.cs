using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
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

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, AccountMail mail) : IRequestHandler<Command, int>
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
            mail.SendInvitation(email, organisation, token);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(MembershipInvitation), () => invitation.Id, TextArg.Of("Audit.Summary.MemberInvited", TextArg.Plain(email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn)));
            return invitation.Id;
        }
    }
}
