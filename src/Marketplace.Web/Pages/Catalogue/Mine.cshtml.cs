using Marketplace.Core.Data;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Matching;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Catalogue;

/// <summary>The vendor's dashboard: its listings and the open challenges that fit its solutions.</summary>
[Authorize(Roles = Core.Common.Roles.Vendor)]
public sealed class MineModel(IMediator mediator, MarketplaceDbContext db) : PageModel
{
    public MyListings.Result Listings { get; private set; } = new(false, []);
    public IReadOnlyList<RecommendChallengesForVendor.Recommendation> Recommendations { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Listings = await mediator.Send(new MyListings.Query());
        Recommendations = await mediator.Send(new RecommendChallengesForVendor.Query());
        ProvinceNames = await Choices.ProvinceNamesAsync(db, HttpContext.RequestAborted);
    }
}
