using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>Close my account (PDPA erasure), confirmed with the password; signs out.</summary>
[Authorize]
public sealed class CloseModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    [BindProperty] public CloseAccount.Command Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
            return Page();
        await signIn.SignOutAsync();
        return LocalRedirect("/account/closed");
    }
}
