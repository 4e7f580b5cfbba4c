using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// Opening the e-mailed link confirms the address. Signed in and not yet confirmed, this is the only page the
/// <see cref="Infrastructure.Security.AccountGate"/> lets a person see: it offers a new link and a corrected address.
/// </summary>
// Resending and correcting the address send e-mails: they share the password-reset budget.
[Infrastructure.Security.RateLimited("password-reset")]
public sealed class ConfirmEmailModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    public enum Outcome { Waiting, Confirmed, LinkExpired, Resent, AddressChanged }

    public Outcome State { get; private set; }
    public string? Email { get; private set; }
    [BindProperty] public ChangeEmail.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, bool resent = false, bool changed = false)
    {
        if (code is not null)
        {
            var confirmed = await Mediator.Send(new ConfirmEmail.Command(userId, code), HttpContext.RequestAborted);
            State = confirmed ? Outcome.Confirmed : Outcome.LinkExpired;
            // Roles come with the confirmation: re-issue this browser's cookie if it belongs to the same person.
            if (confirmed && await signIn.UserManager.GetUserAsync(User) is { } me && me.Id == userId)
                await signIn.RefreshSignInAsync(me);
        }
        else
            State = resent ? Outcome.Resent : changed ? Outcome.AddressChanged : Outcome.Waiting;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        await Mediator.Send(new ResendConfirmation.Command(), HttpContext.RequestAborted);
        return LocalRedirect("/account/confirm-email?resent=true");
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        var (ok, _) = await TrySendAsync(Input);
        if (!ok)
            return await ShowAsync();
        if (await signIn.UserManager.GetUserAsync(User) is { } me)
            await signIn.RefreshSignInAsync(me);
        return LocalRedirect("/account/confirm-email?changed=true");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var me = await signIn.UserManager.GetUserAsync(User);
        Email = me?.Email;
        if (State == Outcome.Waiting && me is { EmailConfirmed: true })
            State = Outcome.Confirmed;
        return Page();
    }
}
