using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Moderation;

/// <summary>
/// Verified organisations that asked to change what NIA verified (legal names, juristic number, website domain):
/// a moderator compares the live values with the requested ones and approves or refuses with a reason.
/// </summary>
public static class OrganisationChanges
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(int Id, int OrganisationId, string LiveNameTh, string LiveNameEn, string? LiveJuristicNumber, string? LiveWebsite,
        string NameTh, string NameEn, string? JuristicNumber, string? Website, DateTimeOffset RequestedAt);

    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed class Decide : ICommand<Unit>
    {
        public int ChangeId { get; set; }
        public bool Approve { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DecideValidator : AbstractValidator<Decide>
    {
        public DecideValidator()
        {
            this.AddRefusalReasonRules(x => x.Reason, x => !x.Approve,
                "Features.Moderation.OrganisationChanges.GiveTheReasonForRefusingThe", "Features.Moderation.OrganisationChanges.TheReasonMustBeCharactersOr");
        }
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Query, IReadOnlyList<Item>>, IRequestHandler<Decide, Unit>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            await (from c in db.OrganisationChangeRequests.AsNoTracking()
                   where c.State == ChangeRequestState.Pending
                   join o in db.Organisations on c.OrganisationId equals o.Id
                   orderby c.RequestedAt
                   select new Item(c.Id, o.Id, o.NameTh, o.NameEn, o.JuristicNumber, o.Website, c.NameTh, c.NameEn, c.JuristicNumber, c.Website, c.RequestedAt))
                .ToListAsync(cancellationToken);

        public async Task<Unit> Handle(Decide request, CancellationToken cancellationToken)
        {
            var change = await db.OrganisationChangeRequests.SingleOrDefaultAsync(c => c.Id == request.ChangeId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Moderation.OrganisationChanges.ThisRequestDoesNotExist"));
            var organisation = await db.Organisations.SingleAsync(o => o.Id == change.OrganisationId, cancellationToken);
            var before = TextArg.Plain($"'{organisation.NameTh}' / '{organisation.NameEn}', {organisation.JuristicNumber}, {organisation.Website}");
            if (request.Approve)
            {
                if (change.JuristicNumber is not null && await db.Organisations.AnyAsync(o => o.JuristicNumber == change.JuristicNumber && o.Id != organisation.Id, cancellationToken))
                    throw new DomainRuleException(Texts.Get("Features.Moderation.OrganisationChanges.ThisJuristicPersonNumberNowBelongs"));
                change.Approve(organisation, clock.Now);
            }
            else
                change.Refuse(request.Reason!, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Organisation), () => organisation.Id, request.Approve
                ? TextArg.Of("Audit.Summary.OrganisationChangeApproved", before, TextArg.Plain($"'{change.NameTh}' / '{change.NameEn}', {change.JuristicNumber}, {change.Website}"))
                : TextArg.Of("Audit.Summary.OrganisationChangeRefused", before, TextArg.Plain(change.RefusalReason)));
            await notifier.NotifyOrganisationAsync(organisation.Id, request.Approve
                ? Notice.Of("Mail.OrganisationChangeApproved", [])
                : Notice.Of("Mail.OrganisationChangeRefused", [], TextArg.Plain(change.RefusalReason)), "/organisations/edit", cancellationToken);
            return Unit.Value;
        }
    }
}
