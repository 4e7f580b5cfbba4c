using Marketplace.Core.Features.Catalogue;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

/// <summary>Serves a listing's logo with the content type found when it was uploaded.</summary>
public sealed class LogoModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, bool preview = false)
    {
        var logo = await mediator.Send(new ListingLogoFile.Query(slug, preview));
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(logo.Bytes, logo.ContentType);
    }
}
