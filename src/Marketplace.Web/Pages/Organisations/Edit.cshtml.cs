using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Organisations;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Organisations;

public sealed class EditModel(IMediator mediator, MarketplaceDbContext db, ICurrentUser user) : MediatorPage(mediator)
{
    [BindProperty] public EditOrganisationProfile.Command Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool JustRegistered { get; private set; }
    public bool ChangeRequested { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool registered = false, bool saved = false, bool changeRequested = false)
    {
        // Someone waiting for a membership decision has no organisation yet: show them where their request stands.
        if (await db.OrganisationIdOf(user, HttpContext.RequestAborted) is null)
            return LocalRedirect("/organisations/membership");
        Input = await Mediator.Send(new EditOrganisationProfile.Query());
        JustRegistered = registered;
        Saved = saved;
        ChangeRequested = changeRequested;
        Provinces = await Choices.ProvincesAsync(db, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, outcome) = await TrySendAsync(Input);
        if (ok)
            return outcome == EditOrganisationProfile.Outcome.ChangeWaitsForApproval
                ? RedirectToPage(new { changeRequested = true })
                : RedirectToPage(new { saved = true });
        var stored = await Mediator.Send(new EditOrganisationProfile.Query());
        Input.Verification = stored.Verification;
        Input.RejectionReason = stored.RejectionReason;
        Input.Kind = stored.Kind;
        Input.Pending = stored.Pending;
        Provinces = await Choices.ProvincesAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
