using Marketplace.Core.Features.Admin;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Admin;

[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class OrganisationsModel(IMediator mediator) : MediatorPage(mediator)
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public AdminOrganisations.Result Organisations { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync() => Organisations = await Mediator.Send(new AdminOrganisations.Query(Q, PageNumber));
}
