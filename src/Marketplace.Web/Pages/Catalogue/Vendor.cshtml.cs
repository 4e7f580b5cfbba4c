using Marketplace.Core.Common;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

public sealed class VendorModel(IMediator mediator) : PageModel
{
    public VendorProfile.Result Vendor { get; private set; } = null!;

    public async Task OnGetAsync(string slug, [FromQuery(Name = "page")] int page = 1)
    {
        Vendor = await mediator.Send(new VendorProfile.Query(slug, page));
        var description = Bi.Pick(Vendor.DescriptionTh ?? "", Vendor.DescriptionEn);
        PagePreview.Put(ViewData, new PagePreview(Bi.Pick(Vendor.NameTh, Vendor.NameEn), string.IsNullOrWhiteSpace(description)
            ? Texts.Get("Pages.Catalogue.Vendor.ACompanyOnTheGovTechMarketplace", Vendor.Listings.Total)
            : description));
    }
}
