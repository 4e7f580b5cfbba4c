using Marketplace.Core.Features.Accounts;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Account;

/// <summary>Change e-mail: a link goes to the new address; the old one stays until it is opened.</summary>
[Authorize]
public sealed class EmailModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty] public ChangeEmail.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        return ok ? LocalRedirect("/account/email?sent=true") : Page();
    }
}
