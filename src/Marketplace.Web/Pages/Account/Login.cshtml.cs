using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", Bi.T("กรอกอีเมลของคุณ", "Enter your e-mail address"));
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", Bi.T("กรอกรหัสผ่าน", "Enter your password"));
        if (ModelState.ErrorCount > 0)
            return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? Bi.T("บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง ลองอีกครั้งใน 15 นาที", "The account is locked for 15 minutes after too many failed attempts. Try again later.")
            : Bi.T("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "The e-mail address or password is not correct"));
        return Page();
    }

    public sealed class LoginInput
    {
        [DataType(DataType.EmailAddress)] public string? Email { get; set; }
        [DataType(DataType.Password)] public string? Password { get; set; }
    }
}
