using Marketplace.Core.Features.Membership;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>Every request to join an organisation still waiting, for NIA to decide when the organisation's admins do not.</summary>
public sealed class MembershipsModel(IMediator mediator) : MediatorPage(mediator)
{
    public MembershipRequestQueue.Result Queue { get; private set; } = new([], 0, 1, 25);
    [BindProperty] public DecideMembershipRequest.Command Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) => Queue = await Mediator.Send(new MembershipRequestQueue.Query(page));

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Decision, nameof(Decision));
        if (ok)
        {
            Message = Decision.Approve ? Core.Common.Texts.Get("Pages.Moderation.Memberships.TheRequestIsApproved")
                : Core.Common.Texts.Get("Pages.Moderation.Memberships.TheRequestIsRefusedThePerson");
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }
}
