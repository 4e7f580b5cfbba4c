using Marketplace.Core.Features.Search;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Admin;

/// <summary>
/// An admin asks every instance to rebuild its search index and watches each one's progress (the page refreshes itself
/// while any instance is rebuilding).
/// </summary>
[Authorize(Roles = Core.Common.Roles.Admin)]
public sealed class SearchIndexModel(IMediator mediator, SearchIndexHost host) : MediatorPage(mediator)
{
    public RebuildSearchIndex.Overview Overview { get; private set; } = null!;
    public int Documents { get; private set; }
    public long Lag { get; private set; }

    public async Task OnGetAsync()
    {
        Overview = await Mediator.Send(new RebuildSearchIndex.Status());
        Documents = host.Index.DocumentCount;
        Lag = await host.LagAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (ok, _) = await TrySendAsync(new RebuildSearchIndex.Command());
        if (ok)
            return RedirectToPage();
        await OnGetAsync();
        return Page();
    }
}
