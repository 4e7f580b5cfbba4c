using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

public sealed class VendorModel(IMediator mediator) : PageModel
{
    public VendorProfile.Result Vendor { get; private set; } = null!;

    public async Task OnGetAsync(string slug, [FromQuery(Name = "page")] int page = 1) => Vendor = await mediator.Send(new VendorProfile.Query(slug, page));
}
