using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
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
            RuleFor(x => x.Reason).NotEmpty().When(x => !x.Verify)
                .WithMessage(_ => Texts.Get("Features.Moderation.DecideOrganisation.GiveTheReasonForRejectingThe"));
            RuleFor(x => x.Reason).MaximumLength(1000)
                .WithMessage(_ => Texts.Get("Features.Moderation.DecideOrganisation.TheReasonMustBeCharactersOr"));
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
            await notifier.NotifyOrganisationAsync(organisation.Id, Message(organisation, request.Verify), "/organisations/edit", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Organisation), () => organisation.Id, request.Verify
                ? $"Verified '{organisation.NameEn}'"
                : $"Rejected '{organisation.NameEn}': {organisation.RejectionReason}");
            return Unit.Value;
        }

        /// <summary>The organisation's people learn the decision, and a rejection's reason, in their own language.</summary>
        private static Messaging.BilingualMessage Message(Organisation organisation, bool verified)
        {
            string In(System.Globalization.CultureInfo culture, string key) =>
                Texts.In(culture, key, culture == Dates.Thai ? organisation.NameTh : organisation.NameEn, organisation.RejectionReason);
            var subject = verified ? "Mail.OrganisationVerified.Subject" : "Mail.OrganisationRejected.Subject";
            var body = verified ? "Mail.OrganisationVerified.Body" : "Mail.OrganisationRejected.Body";
            return new(In(Dates.Thai, subject), In(Dates.English, subject), In(Dates.Thai, body), In(Dates.English, body));
        }
    }
}
