using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ListingDetails.Result Listing { get; private set; } = null!;

    public async Task OnGetAsync(string slug, bool preview = false) =>
        Listing = await mediator.Send(new ListingDetails.Query(slug, preview));
}
