using Marketplace.Core.Features.Transparency;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>An agency's public page: its profile, challenges, awards and purchases (404 for an unknown or unverified agency).</summary>
public sealed class AgencyModel(IMediator mediator) : PageModel
{
    public AgencyProfile.Result Agency { get; private set; } = null!;

    public async Task OnGetAsync(string slug) => Agency = await mediator.Send(new AgencyProfile.Query(slug), HttpContext.RequestAborted);
}
