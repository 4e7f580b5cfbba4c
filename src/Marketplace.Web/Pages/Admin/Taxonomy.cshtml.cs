using Marketplace.Core.Domain;
using Marketplace.Core.Features.Admin;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Admin;

/// <summary>The six categories' names and descriptions (editable wording) and the provinces (read-only: ISO 3166-2).</summary>
[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class TaxonomyModel(IMediator mediator) : MediatorPage(mediator)
{
    public IReadOnlyList<NiaCategory> Categories { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    [BindProperty] public Taxonomy.Reword Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Categories = await Mediator.Send(new Taxonomy.Categories());
        Provinces = await Mediator.Send(new Taxonomy.Provinces());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (ok)
        {
            Message = Core.Common.Texts.Get("Pages.Admin.Taxonomy.CategoryIsSaved", Input.Number);
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
