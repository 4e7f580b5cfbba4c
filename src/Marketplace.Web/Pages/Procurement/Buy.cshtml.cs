using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Procurement;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Procurement;

[Authorize]
public sealed class BuyModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public PlaceOrder.Command Input { get; set; } = new();
    [BindProperty] public IFormFile? PurchaseOrderFile { get; set; }
    public ListingDetails.Result Listing { get; private set; } = null!;
    public PilotPackage Package { get; private set; } = null!;
    public bool OnlineAllowed => CheckoutLimits.Allows(Package.PriceSatang);

    public async Task<IActionResult> OnGetAsync(string slug, int package)
    {
        if (await LoadAsync(slug, package) is { } refused)
            return refused;
        Input.Route = OnlineAllowed ? PaymentRoute.Checkout : PaymentRoute.PurchaseOrder;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int package)
    {
        if (await LoadAsync(slug, package) is { } refused)
            return refused;
        Input.ListingId = Listing.Id;
        Input.PackageIndex = package;
        if (Input.Route == PaymentRoute.PurchaseOrder && PurchaseOrderFile is { Length: > 0 } file)
        {
            // Read one byte past the limit, so an oversized file is refused by the same rule as every other bad file.
            using var buffer = new MemoryStream();
            await file.OpenReadStream().CopyToAsync(buffer, HttpContext.RequestAborted);
            Input.PurchaseOrderPdf = buffer.Length > PurchaseOrderPdf.MaxBytes ? buffer.ToArray()[..(PurchaseOrderPdf.MaxBytes + 1)] : buffer.ToArray();
            Input.PurchaseOrderFileName = file.FileName;
        }
        var (ok, orderId) = await TrySendAsync(Input);
        if (!ok)
            return Page();
        if (Input.Route == PaymentRoute.PurchaseOrder)
            return Redirect($"/orders/{orderId}");
        var (started, url) = await TrySendAsync(new StartCheckout.Command(orderId, $"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
        return Redirect(started ? url! : $"/orders/{orderId}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, int package)
    {
        Listing = await Mediator.Send(new ListingDetails.Query(slug));
        if (!Listing.IsPublic || package < 0 || package >= Listing.Content.PilotPackages.Count)
            return NotFound();
        Package = Listing.Content.PilotPackages[package];
        var options = await Mediator.Send(new BuyOptions.Query(Listing.Id));
        return options.CanBuy ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
