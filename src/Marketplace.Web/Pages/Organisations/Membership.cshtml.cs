using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Membership;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>Where a person's request to join stands (and why it was refused), and where to ask to join another organisation.</summary>
public sealed class MembershipModel(IMediator mediator, SignInManager<AppUser> signIn) : MediatorPage(mediator)
{
    public MyMembership.Result View { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];
    [BindProperty] public RequestMembership.Command Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Requested { get; set; }

    public async Task OnGetAsync()
    {
        View = await Mediator.Send(new MyMembership.Query());
        // Approval happened in someone else's session: refresh this one so the organisation's role is in the cookie.
        if (View.OrganisationId is not null && !User.IsInRole(Roles.Vendor) && !User.IsInRole(Roles.Buyer)
            && await signIn.UserManager.GetUserAsync(User) is { } person)
            await signIn.RefreshSignInAsync(person);
        Choices = [new SelectListItem(Texts.Get("Pages.Organisations.Membership.ChooseAnOrganisation"), ""),
            .. View.Organisations.Select(o => new SelectListItem(
                $"{Bi.Pick(o.NameTh, o.NameEn)} ({(o.Kind == OrganisationKind.Agency ? Texts.Get("Pages.Organisations.Membership.Agency") : Texts.Get("Pages.Organisations.Membership.Startup"))})",
                o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(Input);
        if (ok)
            return RedirectToPage(new { requested = true });
        await OnGetAsync();
        return Page();
    }
}
