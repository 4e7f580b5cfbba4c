using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// A buyer orders one pilot package of a published listing, to pay online or by purchase order. The order freezes the
/// package, the price, the vendor's tax details and the agency's billing address as they are now.
/// </summary>
public static partial class PlaceOrder
{
    [RequiresRole(Roles.Buyer)]
    public sealed class Command : ICommand<int>
    {
        public int ListingId { get; set; }
        public int PackageIndex { get; set; }
        public PaymentRoute Route { get; set; }
        public string? BillingAddress { get; set; }
        public string? AgencyTaxId { get; set; }
        public string? PurchaseOrderNumber { get; set; }
        public string? PurchaseOrderFileName { get; set; }
        public byte[]? PurchaseOrderPdf { get; set; }
    }

    public sealed partial class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.BillingAddress).NotEmpty().MaximumLength(500)
                .WithMessage(_ => Texts.Get("Features.Procurement.PlaceOrder.EnterTheAgencySAddressFor"));
            RuleFor(x => x.AgencyTaxId).Must(id => string.IsNullOrWhiteSpace(id) || JuristicNumber.Problem(id) is null)
                .WithMessage(_ => Texts.Get("Features.Procurement.PlaceOrder.TheTaxIDMustBeA"));
            When(x => x.Route == PaymentRoute.PurchaseOrder, () =>
            {
                RuleFor(x => x.PurchaseOrderNumber).NotEmpty().MaximumLength(64).Matches(PoNumber())
                    .WithMessage(_ => Texts.Get("Features.Procurement.PlaceOrder.EnterThePurchaseOrderNumberLetters"));
                RuleFor(x => x.PurchaseOrderPdf).Custom((pdf, context) =>
                {
                    if (PurchaseOrderPdf.Problem(pdf) is { } problem)
                        context.AddFailure(nameof(Command.PurchaseOrderPdf), problem);
                });
            });
        }

        [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-/\. ]*$")]
        private static partial Regex PoNumber();
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, OrderEffects effects, DocumentScreening screening)
        : MediatR.IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var agency = await db.RequireBuyingAgencyAsync(user, cancellationToken);
            var listing = await db.Listings.Include(l => l.Vendor).SingleOrDefaultAsync(l => l.Id == request.ListingId, cancellationToken);
            if (listing is not { IsPublic: true })
                throw new NotFoundException(Texts.Get("Features.Procurement.PlaceOrder.ThisSolutionDoesNotExist"));
            var packages = listing.Live!.PilotPackages;
            if (request.PackageIndex < 0 || request.PackageIndex >= packages.Count)
                throw InvalidRequestException.For(nameof(Command.PackageIndex), Texts.Get("Features.Procurement.PlaceOrder.ChooseAPackageFromTheList"));
            var package = packages[request.PackageIndex];
            if (request.Route == PaymentRoute.Checkout && !CheckoutLimits.Allows(package.PriceSatang))
                throw InvalidRequestException.For(nameof(Command.Route), Texts.Get("Features.Procurement.PlaceOrder.OnlinePaymentTakesToPayFor", Money.Format(CheckoutLimits.MinSatang), Money.Format(CheckoutLimits.MaxSatang)));

            var vendor = listing.Vendor!;
            var invoicing = await db.VendorInvoicing.AsNoTracking().SingleOrDefaultAsync(v => v.OrganisationId == vendor.Id, cancellationToken);
            if (vendor.Verification != VerificationState.Verified || vendor.JuristicNumber is null || invoicing is null)
                throw new DomainRuleException(Texts.Get("Features.Procurement.PlaceOrder.ThisVendorCannotIssueTaxInvoices"));
            // Scanned before anything is saved: an infected or unscannable purchase order leaves no order behind.
            if (request.Route == PaymentRoute.PurchaseOrder)
                await screening.RequireCleanAsync(new Upload(request.PurchaseOrderFileName, request.PurchaseOrderPdf!), nameof(Command.PurchaseOrderPdf), cancellationToken);

            var buyer = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var order = new Order(
                new PackageSnapshot(listing.Id, listing.Slug, listing.Live.TitleTh, listing.Live.TitleEn, package.NameTh, package.NameEn,
                    package.PriceSatang, package.DurationDays, package.IncludesTh, package.IncludesEn),
                new PartiesSnapshot(vendor.Id, vendor.NameTh, vendor.NameEn, vendor.JuristicNumber, invoicing.Address, invoicing.Branch,
                    agency.Id, agency.NameTh, agency.NameEn, request.BillingAddress!.Trim(),
                    string.IsNullOrWhiteSpace(request.AgencyTaxId) ? null : JuristicNumber.Normalise(request.AgencyTaxId), user.UserId!, buyer),
                request.Route, clock.Now);
            db.Orders.Add(order);
            if (request.Route == PaymentRoute.PurchaseOrder)
                order.SubmitPurchaseOrder(request.PurchaseOrderNumber!);
            await db.SaveChangesAsync(cancellationToken);
            if (request.Route == PaymentRoute.PurchaseOrder)
            {
                var name = Path.GetFileName(request.PurchaseOrderFileName ?? "purchase-order.pdf");
                db.PurchaseOrderDocuments.Add(new PurchaseOrderDocument(order.Id, name.Length > 200 ? name[..200] : name, request.PurchaseOrderPdf!, clock.Now));
                await effects.TellBothAsync(order, TextArg.Of("Mail.Order.PurchaseOrderSent", TextArg.Plain(order.PurchaseOrderNumber)), cancellationToken);
            }
            else
                await effects.TellBothAsync(order, TextArg.Of("Mail.Order.Placed"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Order), () => order.Id, TextArg.Of("Audit.Summary.Ordered", TextArg.Bilingual(package.NameTh, package.NameEn), TextArg.Plain($"{listing.Id}"), TextArg.Money(package.PriceSatang),
                TextArg.Of(request.Route == PaymentRoute.Checkout ? "Pages.Procurement.OrderLabels.CardOrPromptPayStripe" : "Pages.Procurement.OrderLabels.PurchaseOrder")));
            return order.Id;
        }
    }
}
