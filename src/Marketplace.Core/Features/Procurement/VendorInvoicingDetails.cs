using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>The registered address and branch a vendor's tax invoices carry. Without them its packages cannot be bought.</summary>
public static class VendorInvoicingDetails
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Query : IRequest<Command>;

    [RequiresRole(Roles.Vendor)]
    public sealed class Command : ICommand<Unit>
    {
        public string? Address { get; set; }
        public string? Branch { get; set; } = "สำนักงานใหญ่";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Address).NotEmpty().MaximumLength(500)
                .WithMessage(_ => Texts.Get("Features.Procurement.VendorInvoicingDetails.EnterTheAddressRegisteredForVAT"));
            RuleFor(x => x.Branch).NotEmpty().Must(b => b!.Trim() == "สำนักงานใหญ่" || (b.Trim().Length == 5 && b.Trim().All(char.IsAsciiDigit)))
                .WithMessage(_ => Texts.Get("Features.Procurement.VendorInvoicingDetails.EnterHeadOfficeOrADigit"));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Query, Command>, IRequestHandler<Command, Unit>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var vendorId = await VendorIdAsync(cancellationToken);
            var current = await db.VendorInvoicing.AsNoTracking().SingleOrDefaultAsync(v => v.OrganisationId == vendorId, cancellationToken);
            return current is null ? new Command() : new Command { Address = current.Address, Branch = current.Branch };
        }

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var vendorId = await VendorIdAsync(cancellationToken);
            var current = await db.VendorInvoicing.SingleOrDefaultAsync(v => v.OrganisationId == vendorId, cancellationToken);
            if (current is null)
                db.VendorInvoicing.Add(new VendorInvoicing(vendorId, request.Address!, request.Branch!, clock.Now));
            else
                current.Update(request.Address!, request.Branch!, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(VendorInvoicing), () => vendorId, TextArg.Of("Audit.Summary.InvoicingSaved"));
            return Unit.Value;
        }

        private async Task<int> VendorIdAsync(CancellationToken ct)
        {
            var id = await db.OrganisationIdOf(user, ct);
            var isVendor = id is not null && await db.Organisations.AnyAsync(o => o.Id == id && o.Kind == Domain.OrganisationKind.Vendor, ct);
            return isVendor ? id!.Value : throw new ForbiddenException(Texts.Get("Features.Procurement.VendorInvoicingDetails.ThisPageIsForMembersOf"));
        }
    }
}
