using Marketplace.Core.Features.Challenges;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>The public list of challenges, open ones first; ?open=true shows only those. Everything is in the URL.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    public BrowseChallenges.Result Challenges { get; private set; } = new([], 0, 1, 20);

    /// <summary>The page number is read by hand: Razor Pages reserves the route value "page" for the page's own path.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) =>
        Challenges = await mediator.Send(new BrowseChallenges.Query(OpenOnly: Open, Page: page));
}
