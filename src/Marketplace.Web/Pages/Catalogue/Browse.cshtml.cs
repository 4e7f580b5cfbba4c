using Marketplace.Core.Domain;
using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

/// <summary>Published solutions by sector, category and province: /solutions?sector=EdTech&amp;category=3&amp;province=TH-50.</summary>
public sealed class BrowseModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public BrowseListings.Result Results { get; private set; } = new([], 0, 1, 20);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid || Category is not null && NiaCategory.ByNumber(Category.Value) is null)
            return BadRequest();
        Results = await mediator.Send(new BrowseListings.Query(Sector, Category, Province, Page: PageNumber));
        return Page();
    }
}
