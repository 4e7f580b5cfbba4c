using Marketplace.Core.Common;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Transparency;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

/// <summary>A vendor's public page: its profile and solutions, and what it won and sold (the registers' own figures).</summary>
public sealed class VendorModel(IMediator mediator) : PageModel
{
    public VendorProfile.Result Vendor { get; private set; } = null!;
    public AwardRegister.Result Awards { get; private set; } = null!;
    public PurchaseRegister.Result Purchases { get; private set; } = null!;

    public async Task OnGetAsync(string slug, [FromQuery(Name = "page")] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Vendor = await mediator.Send(new VendorProfile.Query(slug, page), ct);
        Awards = await mediator.Send(new AwardRegister.Query(PageSize: AgencyProfile.Shown) { Filter = new AwardFilter(Vendor: Vendor.Slug) }, ct);
        Purchases = await mediator.Send(new PurchaseRegister.Query(PageSize: AgencyProfile.Shown) { Vendor = Vendor.Slug }, ct);
        var description = Bi.Pick(Vendor.DescriptionTh ?? "", Vendor.DescriptionEn);
        PagePreview.Put(ViewData, new PagePreview(Bi.Pick(Vendor.NameTh, Vendor.NameEn), string.IsNullOrWhiteSpace(description)
            ? Texts.Get("Pages.Catalogue.Vendor.ACompanyOnTheGovTechMarketplace", Vendor.Listings.Total)
            : description));
    }
}
