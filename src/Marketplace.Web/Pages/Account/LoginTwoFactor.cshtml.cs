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
            ModelState.AddModelError(nameof(Code), Bi.T("กรอกรหัส 6 หลักจากแอปยืนยันตัวตน", "Enter the 6-digit code from your authenticator app"));
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
            ModelState.AddModelError(nameof(RecoveryCode), Bi.T("กรอกรหัสกู้คืน", "Enter a recovery code"));
            return Page();
        }
        return Outcome(await signIn.TwoFactorRecoveryCodeSignInAsync(code), nameof(RecoveryCode));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
            return LocalRedirect(Languages.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(field, result.IsLockedOut
            ? Bi.T("บัญชีถูกล็อก 15 นาทีเพราะใส่รหัสผิดหลายครั้ง ตั้งรหัสผ่านใหม่เพื่อปลดล็อก", "The account is locked for 15 minutes after too many wrong codes; reset your password to unlock it.")
            : Bi.T("รหัสไม่ถูกต้อง", "The code is not correct"));
        return Page();
    }
}
