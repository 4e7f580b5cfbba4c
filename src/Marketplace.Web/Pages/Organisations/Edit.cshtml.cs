using Marketplace.Core.Data;
using Marketplace.Core.Features.Organisations;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Organisations;

public sealed class EditModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    [BindProperty] public EditOrganisationProfile.Command Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool JustRegistered { get; private set; }

    public async Task OnGetAsync(bool registered = false, bool saved = false)
    {
        Input = await Mediator.Send(new EditOrganisationProfile.Query());
        JustRegistered = registered;
        Saved = saved;
        Provinces = await Choices.ProvincesAsync(db, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (ok)
            return RedirectToPage(new { saved = true });
        var stored = await Mediator.Send(new EditOrganisationProfile.Query());
        Input.Verification = stored.Verification;
        Input.RejectionReason = stored.RejectionReason;
        Input.Kind = stored.Kind;
        Provinces = await Choices.ProvincesAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
