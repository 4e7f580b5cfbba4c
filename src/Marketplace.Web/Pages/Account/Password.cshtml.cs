using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>Change password. The new security stamp ends other sessions; this one gets a fresh cookie.</summary>
[Authorize]
public sealed class PasswordModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    [BindProperty] public ChangePassword.Command Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
            return Page();
        if (await signIn.UserManager.GetUserAsync(User) is { } me)
            await signIn.RefreshSignInAsync(me);
        Message = Core.Common.Texts.Get("Pages.Account.Password.YourPasswordIsChanged");
        return RedirectToPage("/Account/Index");
    }
}
