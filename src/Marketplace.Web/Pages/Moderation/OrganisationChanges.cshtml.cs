using Marketplace.Core.Features.Moderation;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>Verified organisations asking to change what NIA verified: live values beside the requested ones.</summary>
public sealed class OrganisationChangesModel(IMediator mediator) : MediatorPage(mediator)
{
    public IReadOnlyList<OrganisationChanges.Item> Items { get; private set; } = [];
    [BindProperty] public OrganisationChanges.Decide Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Items = await Mediator.Send(new OrganisationChanges.Query());

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Decision, nameof(Decision));
        if (ok)
        {
            Message = Decision.Approve ? Core.Common.Texts.Get("Pages.Moderation.OrganisationChanges.TheChangeIsApprovedAndLive")
                : Core.Common.Texts.Get("Pages.Moderation.OrganisationChanges.TheChangeIsRefusedTheOrganisation");
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
