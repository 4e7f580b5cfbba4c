using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Procurement;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Procurement;

/// <summary>The listing page's buying panel: a buy button per package for buyers, who may buy for everyone else, and the purchase counts.</summary>
public sealed class BuyPanelViewComponent(IMediator mediator) : ViewComponent
{
    public sealed record Model(string Slug, IReadOnlyList<PilotPackage> Packages, BuyOptions.Result Options);

    public async Task<IViewComponentResult> InvokeAsync(int listingId, string slug, IReadOnlyList<PilotPackage> packages) =>
        View(new Model(slug, packages, await mediator.Send(new BuyOptions.Query(listingId), HttpContext.RequestAborted)));
}
