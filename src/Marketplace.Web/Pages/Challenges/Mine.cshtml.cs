using Marketplace.Core.Common;
using Marketplace.Core.Features.Challenges;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>The buyer's dashboard: the agency's challenges in every state, with what to do next for each.</summary>
[Authorize(Roles = Roles.Buyer)]
public sealed class MineModel(IMediator mediator) : PageModel
{
    public MyAgencyChallenges.Result Challenges { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public string? Warning { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) =>
        Challenges = await mediator.Send(new MyAgencyChallenges.Query(page));
}
