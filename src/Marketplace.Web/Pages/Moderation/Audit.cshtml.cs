using Marketplace.Core.Features.Moderation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Moderation;

public sealed class AuditModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public bool RefusedOnly { get; set; }
    public AuditLog.Result Log { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) =>
        Log = await mediator.Send(new AuditLog.Query(EntityType, EntityId, RefusedOnly, page));
}
