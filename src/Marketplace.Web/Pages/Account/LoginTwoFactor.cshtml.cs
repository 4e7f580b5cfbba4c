using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>The second step of sign-in: a code from the authenticator app, or one of the recovery codes (each works once).</summary>
[RateLimited("sign-in")]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Account/Login");
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), Texts.Get("Pages.Account.LoginTwoFactor.EnterTheDigitCodeFromYour"));
            return Page();
        }
        return Outcome(await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), nameof(Code));
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Account/Login");
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), Texts.Get("Pages.Account.LoginTwoFactor.EnterARecoveryCode"));
            return Page();
        }
        return Outcome(await signIn.TwoFactorRecoveryCodeSignInAsync(code), nameof(RecoveryCode));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
            return LocalRedirect(Languages.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(field, result.IsLockedOut
            ? Texts.Get("Pages.Account.LoginTwoFactor.TheAccountIsLockedForMinutes")
            : Texts.Get("Pages.Account.LoginTwoFactor.TheCodeIsNotCorrect"));
        return Page();
    }
}
