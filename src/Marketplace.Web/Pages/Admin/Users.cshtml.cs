using Marketplace.Core.Features.Admin;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Admin;

/// <summary>Accounts, searched with ?q= by name or e-mail: lock, unlock, resend confirmation, staff roles, memberships.</summary>
[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class UsersModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public AdminUsers.Result Users { get; private set; } = new([], 0, 1, 25);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => Users = await Mediator.Send(new AdminUsers.Query(Q, PageNumber));

    public Task<IActionResult> OnPostLockAsync(string userId, bool locked) =>
        SendAsync(new ManageUser.Lock { UserId = userId, Locked = locked },
            locked ? Core.Common.Texts.Get("Pages.Admin.Users.TheAccountIsLocked") : Core.Common.Texts.Get("Pages.Admin.Users.TheAccountIsUnlocked"));

    public Task<IActionResult> OnPostResendAsync(string userId) =>
        SendAsync(new ManageUser.ResendConfirmation { UserId = userId },
            Core.Common.Texts.Get("Pages.Admin.Users.ANewConfirmationEMailIs"));

    public Task<IActionResult> OnPostRoleAsync(string userId, string role, bool granted) =>
        SendAsync(new ManageUser.SetRole { UserId = userId, Role = role, Granted = granted },
            granted ? Core.Common.Texts.Get("Pages.Admin.Users.Granted", role) : Core.Common.Texts.Get("Pages.Admin.Users.Revoked", role));

    private async Task<IActionResult> SendAsync<T>(MediatR.IRequest<T> command, string message)
    {
        var (ok, _) = await TrySendAsync(command);
        if (ok)
        {
            Message = message;
            // "page" is Razor Pages' own route value, so the list's page number goes into the query by hand.
            return LocalRedirect($"/admin/users?q={Uri.EscapeDataString(Q ?? "")}&page={PageNumber}");
        }
        await OnGetAsync();
        return Page();
    }
}
