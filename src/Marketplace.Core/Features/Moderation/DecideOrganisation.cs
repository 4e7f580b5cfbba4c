using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>A moderator verifies a pending organisation, or rejects it with a reason the applicant sees.</summary>
public static class DecideOrganisation
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed class Command : ICommand<Unit>
    {
        public int OrganisationId { get; set; }
        public bool Verify { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.AddRefusalReasonRules(x => x.Reason, x => !x.Verify,
                "Features.Moderation.DecideOrganisation.GiveTheReasonForRejectingThe", "Features.Moderation.DecideOrganisation.TheReasonMustBeCharactersOr");
        }
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit, Messaging.Notifier notifier) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Moderation.DecideOrganisation.ThisOrganisationDoesNotExist"));
            if (request.Verify)
                organisation.Verify(clock.Now);
            else
                organisation.Reject(request.Reason!, clock.Now);
            var name = TextArg.Bilingual(organisation.NameTh, organisation.NameEn);
            await notifier.NotifyOrganisationAsync(organisation.Id, request.Verify
                ? Notice.Of("Mail.OrganisationVerified", [name])
                : Notice.Of("Mail.OrganisationRejected", [name], name, TextArg.Plain(organisation.RejectionReason)), "/organisations/edit", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Organisation), () => organisation.Id, request.Verify
                ? TextArg.Of("Audit.Summary.OrganisationVerified", name)
                : TextArg.Of("Audit.Summary.OrganisationRejected", name, TextArg.Plain(organisation.RejectionReason)));
            return Unit.Value;
        }
    }
}
