using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

[Authorize(Roles = Core.Common.Roles.Vendor)]
public sealed class MineModel(IMediator mediator) : PageModel
{
    public MyListings.Result Listings { get; private set; } = new(false, []);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Listings = await mediator.Send(new MyListings.Query());
}
