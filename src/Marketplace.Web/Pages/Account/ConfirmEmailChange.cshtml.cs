using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>The link sent to a new address. The e-mail change renews the security stamp, so this browser is signed in again.</summary>
public sealed class ConfirmEmailChangeModel(IMediator mediator, SignInManager<AppUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        Changed = await mediator.Send(new ConfirmEmailChange.Command(userId, email, code), HttpContext.RequestAborted);
        if (Changed && await signIn.UserManager.FindByIdAsync(userId!) is { } user
            && User.Identity?.IsAuthenticated == true && signIn.UserManager.GetUserId(User) == user.Id)
            await signIn.RefreshSignInAsync(user);
    }
}
