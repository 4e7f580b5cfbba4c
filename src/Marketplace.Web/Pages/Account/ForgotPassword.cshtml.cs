using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>Asks for a reset link. The answer never says whether the address has an account.</summary>
[RateLimited("password-reset")]
public sealed class ForgotPasswordModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public RequestPasswordReset.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        return ok ? LocalRedirect("/account/forgot-password?sent=true") : Page();
    }
}
