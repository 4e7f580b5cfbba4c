using Marketplace.Core.Domain;
using Marketplace.Core.Features.Admin;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

public class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The six categories in the wording an admin last gave them.</summary>
    public IReadOnlyList<NiaCategory> Categories { get; private set; } = NiaCategory.All;

    public async Task OnGetAsync() => Categories = await mediator.Send(new Taxonomy.Categories(), HttpContext.RequestAborted);
}
