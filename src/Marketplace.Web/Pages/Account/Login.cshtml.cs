using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

/// <summary>
/// Sign-in. A wrong password, an unknown address and a locked account get the same message and cost the same
/// password-hashing work, so neither the words nor the timing tell an attacker which addresses have accounts.
/// </summary>
[RateLimited("sign-in")]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>A hash of a random password, checked when there is no real hash to check, to spend the same time.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", Bi.T("กรอกอีเมลของคุณ", "Enter your e-mail address"));
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", Bi.T("กรอกรหัสผ่าน", "Enter your password"));
        if (ModelState.ErrorCount > 0)
            return Page();

        var email = Input.Email!.Trim();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        // No account, or a locked one (Identity refuses before hashing): spend the hashing time anyway.
        if (user is null || result.IsLockedOut)
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Input.Password!);
        var returnUrl = Languages.IsLocal(ReturnUrl) ? ReturnUrl! : "/";
        if (result.Succeeded)
            return LocalRedirect(returnUrl);
        if (result.RequiresTwoFactor)
            return LocalRedirect($"/account/login-2fa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        ModelState.AddModelError("", Bi.T(
            "อีเมลหรือรหัสผ่านไม่ถูกต้อง หากใส่ผิด 5 ครั้ง บัญชีจะถูกล็อก 15 นาที ตั้งรหัสผ่านใหม่เพื่อปลดล็อกได้ทันที",
            "The e-mail address or password is not correct. After 5 wrong attempts an account is locked for 15 minutes; resetting the password unlocks it at once."));
        return Page();
    }

    public sealed class LoginInput
    {
        [DataType(DataType.EmailAddress)] public string? Email { get; set; }
        [DataType(DataType.Password)] public string? Password { get; set; }
    }
}
