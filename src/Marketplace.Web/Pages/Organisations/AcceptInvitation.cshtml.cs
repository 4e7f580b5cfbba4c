using Marketplace.Core.Domain;
using Marketplace.Core.Features.Membership;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>
/// The link in an invitation e-mail. Open to anyone, because the invitee may not have an account yet:
/// the page says whether the invitation can still be used and what to do next; joining needs the invited account.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public AcceptInvitation.Preview? Invitation { get; private set; }

    public async Task OnGetAsync() => Invitation = await Mediator.Send(new AcceptInvitation.Query(Token));

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        var (ok, _) = await TrySendAsync(new AcceptInvitation.Command { Token = Token });
        if (ok)
        {
            // The new role (Vendor or Buyer) must be in the cookie at once.
            await signIn.RefreshSignInAsync((await signIn.UserManager.GetUserAsync(User))!);
            return LocalRedirect("/organisations/membership");
        }
        await OnGetAsync();
        return Page();
    }
}
