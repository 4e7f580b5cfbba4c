using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Matching;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>A vendor's saved alerts: be told of each new challenge in these categories, provinces or with these words.</summary>
[Authorize(Roles = Roles.Vendor)]
public sealed class AlertsModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    [BindProperty] public SaveAlert.Command Input { get; set; } = new();
    public IReadOnlyList<SavedAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();
    [TempData] public string? Message { get; set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (ok)
        {
            Message = Texts.Get("Pages.Challenges.Alerts.AlertSavedWeWillTellYou");
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int alertId)
    {
        await Mediator.Send(new SaveAlert.Remove(alertId), HttpContext.RequestAborted);
        Message = Texts.Get("Pages.Challenges.Alerts.AlertRemoved");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Alerts = await Mediator.Send(new SaveAlert.Mine(), HttpContext.RequestAborted);
        Provinces = (await Choices.ProvincesAsync(db, HttpContext.RequestAborted)).Skip(1).ToList();
        ProvinceNames = Provinces.ToDictionary(p => p.Value, p => p.Text);
    }
}
