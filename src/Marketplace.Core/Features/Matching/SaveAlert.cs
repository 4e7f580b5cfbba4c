using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Matching;

/// <summary>A vendor subscribes to new challenges by category, province or keywords (or removes an alert).</summary>
public static class SaveAlert
{
    [RequiresRole(Roles.Vendor)]
    public sealed class Command : ICommand<Unit>
    {
        public List<int> Categories { get; set; } = [];
        public List<string> Provinces { get; set; } = [];
        public string? Keywords { get; set; }
    }

    [RequiresRole(Roles.Vendor)]
    public sealed record Remove(int AlertId) : ICommand<Unit>;

    [RequiresRole(Roles.Vendor)]
    public sealed record Mine : IRequest<IReadOnlyList<SavedAlert>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(MarketplaceDbContext db)
        {
            RuleFor(x => x).Must(x => x.Categories.Count > 0 || x.Provinces.Count > 0 || !string.IsNullOrWhiteSpace(x.Keywords))
                .WithName("Keywords").OverridePropertyName("Keywords")
                .WithMessage(_ => Texts.Get("Features.Matching.SaveAlert.ChooseACategoryAProvinceOr"));
            RuleFor(x => x.Categories).Must(cs => cs.All(c => NiaCategory.ByNumber(c) is not null));
            RuleFor(x => x.Provinces).MustAsync(async (ps, ct) => ps.Count == 0 || await db.Provinces.CountAsync(p => ps.Contains(p.Code), ct) == ps.Distinct().Count())
                .WithMessage(_ => Texts.Get("Features.Matching.SaveAlert.ChooseProvincesFromTheList"));
            RuleFor(x => x.Keywords).MaximumLength(300);
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Command, Unit>, IRequestHandler<Remove, Unit>, IRequestHandler<Mine, IReadOnlyList<SavedAlert>>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var vendorId = await VendorIdAsync(cancellationToken);
            var alert = new SavedAlert(vendorId, request.Categories.Distinct().ToList(), request.Provinces.Distinct().ToList(), request.Keywords, clock.Now);
            db.SavedAlerts.Add(alert);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(SavedAlert), () => alert.Id, TextArg.Of("Audit.Summary.AlertSaved"));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Remove request, CancellationToken cancellationToken)
        {
            var vendorId = await VendorIdAsync(cancellationToken);
            var alert = await db.SavedAlerts.SingleOrDefaultAsync(a => a.Id == request.AlertId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Matching.SaveAlert.ThisAlertDoesNotExist"));
            if (alert.VendorId != vendorId)
                throw new ForbiddenException(Texts.Get("Features.Matching.SaveAlert.YouCanRemoveOnlyYourCompany"), hideExistence: true);
            db.SavedAlerts.Remove(alert);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(SavedAlert), () => request.AlertId, TextArg.Of("Audit.Summary.AlertRemoved"));
            return Unit.Value;
        }

        public async Task<IReadOnlyList<SavedAlert>> Handle(Mine request, CancellationToken cancellationToken)
        {
            var vendorId = await VendorIdAsync(cancellationToken);
            return await db.SavedAlerts.AsNoTracking().Where(a => a.VendorId == vendorId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        }

        private async Task<int> VendorIdAsync(CancellationToken ct) => await db.OrganisationIdOf(user, ct)
            ?? throw new ForbiddenException(Texts.Get("Features.Matching.SaveAlert.ThisAccountDoesNotBelongTo"));
    }
}
