using Marketplace.Core.Common;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ListingDetails.Result Listing { get; private set; } = null!;

    public async Task OnGetAsync(string slug, bool preview = false)
    {
        Listing = await mediator.Send(new ListingDetails.Query(slug, preview));
        var c = Listing.Content;
        PagePreview.Put(ViewData, new PagePreview(Bi.Pick(c.TitleTh, c.TitleEn), Bi.Pick(c.SummaryTh, c.SummaryEn),
            Listing.HasLogo && Listing.IsPublic && !Listing.IsPreview ? $"/solutions/{Listing.Slug}/logo" : null));
    }
}
