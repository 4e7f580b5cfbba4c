using Marketplace.Core.Domain;
using Marketplace.Core.Features.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public class IndexModel(ReferenceData reference) : PageModel
{
    /// <summary>The six categories in the wording an admin last gave them (kept in memory, reloaded when reworded).</summary>
    public IReadOnlyList<NiaCategory> Categories { get; private set; } = NiaCategory.All;

    public async Task OnGetAsync() => Categories = (await reference.GetAsync(HttpContext.RequestAborted)).Categories;
}
