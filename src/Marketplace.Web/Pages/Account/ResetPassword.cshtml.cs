using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>The page the reset link opens: the e-mail and code ride along in hidden fields.</summary>
[RateLimited("password-reset")]
public sealed class ResetPasswordModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public ResetPassword.Command Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        return ok ? LocalRedirect("/account/login?reset=true") : Page();
    }
}
