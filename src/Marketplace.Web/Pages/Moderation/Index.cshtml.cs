using Marketplace.Core.Features.Moderation;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>NIA staff's queue: listings, challenges and organisations waiting for a decision, oldest first.</summary>
public sealed class IndexModel(IMediator mediator) : MediatorPage(mediator)
{
    public OrganisationQueue.Result Queue { get; private set; } = new([], 0, 1, 25);
    public ListingQueue.Result Listings { get; private set; } = new([], 0, 1, 25);
    public ChallengeQueue.Result Challenges { get; private set; } = new([], 0, 1, 25);
    [BindProperty] public DecideOrganisation.Command Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1)
    {
        Listings = await Mediator.Send(new ListingQueue.Query(page));
        Challenges = await Mediator.Send(new ChallengeQueue.Query());
        Queue = await Mediator.Send(new OrganisationQueue.Query());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Decision, nameof(Decision));
        if (ok)
        {
            Message = Decision.Verify ? Core.Common.Texts.Get("Pages.Moderation.Index.TheOrganisationIsVerified")
                : Core.Common.Texts.Get("Pages.Moderation.Index.TheOrganisationIsRejectedTheApplicant");
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
