using Marketplace.Core.Features.Moderation;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>Reviewing one listing: side-by-side changes, the checklist, and the decision.</summary>
public sealed class ListingModel(IMediator mediator) : MediatorPage(mediator)
{
    public ReviewListing.Result Review { get; private set; } = null!;
    [BindProperty] public DecideListing.Command Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int id) => Review = await Mediator.Send(new ReviewListing.Query(id));

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Decision.ListingId = id;
        var (ok, _) = await TrySendAsync(Decision, nameof(Decision));
        if (ok)
        {
            Message = Core.Common.Texts.Get("Pages.Moderation.Listing.DecisionRecordedTheVendorHasBeen");
            return Redirect("/moderation");
        }
        Review = await Mediator.Send(new ReviewListing.Query(id));
        return Page();
    }
}
