using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Messaging;

[Authorize]
public sealed class NotificationsModel(IMediator mediator) : PageModel
{
    public MyNotifications.Result Notifications { get; private set; } = new([], 0, 0, 1, 30);

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) => Notifications = await mediator.Send(new MyNotifications.Query(page));

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new MyNotifications.MarkAllRead());
        return RedirectToPage();
    }
}
