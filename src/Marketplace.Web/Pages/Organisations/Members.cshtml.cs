using Marketplace.Core.Features.Membership;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Organisations;

/// <summary>
/// An organisation's people. Admins (and NIA moderators, with ?id=) decide requests, invite by e-mail,
/// remove members and hand on the admin right; other members only see who belongs.
/// </summary>
public sealed class MembersModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    public OrganisationMembers.Result View { get; private set; } = null!;
    [BindProperty] public InviteMember.Command Invite { get; set; } = new();
    [BindProperty] public DecideMembershipRequest.Command Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => View = await Mediator.Send(new OrganisationMembers.Query(Id));

    public async Task<IActionResult> OnPostInviteAsync()
    {
        return await AfterAsync(await TrySendAsync(Invite, nameof(Invite)),
            Core.Common.Texts.Get("Pages.Organisations.Members.AnInvitationIsOnItsWay", Invite.Email));
    }

    public async Task<IActionResult> OnPostDecideAsync() =>
        await AfterAsync(await TrySendAsync(Decision, nameof(Decision)), Decision.Approve
            ? Core.Common.Texts.Get("Pages.Organisations.Members.TheRequestIsApproved")
            : Core.Common.Texts.Get("Pages.Organisations.Members.TheRequestIsRefusedThePerson"));

    public async Task<IActionResult> OnPostRemoveAsync(int organisationId, string userId) =>
        await AfterAsync(await TrySendAsync(new RemoveMember.Command { OrganisationId = organisationId, UserId = userId }),
            Core.Common.Texts.Get("Pages.Organisations.Members.TheMemberIsRemoved"));

    public async Task<IActionResult> OnPostAdminAsync(int organisationId, string userId, bool isAdmin) =>
        await AfterAsync(await TrySendAsync(new RemoveMember.SetAdmin { OrganisationId = organisationId, UserId = userId, IsAdmin = isAdmin }),
            Core.Common.Texts.Get("Pages.Organisations.Members.TheAdminRightIsChanged"));

    private async Task<IActionResult> AfterAsync<T>((bool Ok, T? Result) sent, string message)
    {
        if (sent.Ok)
        {
            Message = message;
            return RedirectToPage(new { Id });
        }
        await OnGetAsync();
        return Page();
    }
}
