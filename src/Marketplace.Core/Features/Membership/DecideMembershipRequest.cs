using FluentValidation;
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

/// <summary>An organisation admin or a moderator approves a request to join, or refuses it with a reason the person sees.</summary>
public static class DecideMembershipRequest
{
    [RequiresSignIn]
    public sealed class Command : ICommand<Unit>
    {
        public int RequestId { get; set; }
        public bool Approve { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.AddRefusalReasonRules(x => x.Reason, x => !x.Approve,
                "Features.Membership.DecideMembershipRequest.GiveTheReasonForRefusingThe", "Features.Membership.DecideMembershipRequest.TheReasonMustBeCharactersOr");
        }
    }

    public sealed class Handler(MarketplaceDbContext db, UserManager<AppUser> users, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var membership = await db.MembershipRequests.SingleOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Membership.DecideMembershipRequest.ThisRequestDoesNotExist"));
            await db.EnsureMayManageMembersAsync(user, membership.OrganisationId, cancellationToken);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == membership.OrganisationId, cancellationToken);
            var applicant = await users.FindByIdAsync(membership.UserId)
                ?? throw new NotFoundException(Texts.Get("Features.Membership.DecideMembershipRequest.TheApplicantSAccountNoLonger"));

            if (request.Approve)
            {
                membership.Approve(user.UserId!, clock.Now);
                await MembershipRules.JoinAsync(users, applicant, organisation, asAdmin: false);
            }
            else
                membership.Refuse(user.UserId!, request.Reason!, clock.Now);
            await db.SaveChangesAsync(cancellationToken);

            audit.Record(nameof(MembershipRequest), () => membership.Id, request.Approve
                ? TextArg.Of("Audit.Summary.MembershipApproved", TextArg.Plain(applicant.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn))
                : TextArg.Of("Audit.Summary.MembershipRefused", TextArg.Plain(applicant.Email), TextArg.Bilingual(organisation.NameTh, organisation.NameEn), TextArg.Plain(membership.RefusalReason)));
            await notifier.NotifyUsersAsync(db.Users.Where(u => u.Id == applicant.Id), request.Approve
                ? Notice.Of("Mail.MembershipApproved", [TextArg.Bilingual(organisation.NameTh, organisation.NameEn)])
                : Notice.Of("Mail.MembershipRefused", [TextArg.Bilingual(organisation.NameTh, organisation.NameEn)], TextArg.Plain(membership.RefusalReason)),
                "/organisations/membership", cancellationToken);
            return Unit.Value;
        }
    }
}
