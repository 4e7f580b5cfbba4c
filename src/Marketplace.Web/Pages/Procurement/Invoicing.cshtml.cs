using Marketplace.Core.Features.Procurement;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Procurement;

[Authorize]
public sealed class InvoicingModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public VendorInvoicingDetails.Command Input { get; set; } = new();
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved = false)
    {
        Input = await Mediator.Send(new VendorInvoicingDetails.Query());
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        return ok ? RedirectToPage(new { saved = true }) : Page();
    }
}
