using Marketplace.Core.Common;
using Marketplace.Core.Features.Transparency;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>The public award register: every award with its competition figures and red flags, a page at a time.</summary>
[Infrastructure.PagePreview("Pages.Transparency.Awards.PreviewDescription")]
public sealed class AwardsModel(IMediator mediator) : PageModel
{
    public AwardRegister.Result Register { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1) =>
        Register = await mediator.Send(new AwardRegister.Query(page), HttpContext.RequestAborted);

    public static string Label(RedFlagKind kind) => kind switch
    {
        RedFlagKind.SingleProposal => Texts.Get("Pages.Transparency.Awards.SingleProposal"),
        RedFlagKind.ShortWindow => Texts.Get("Pages.Transparency.Awards.ShortWindow"),
        _ => Texts.Get("Pages.Transparency.Awards.RepeatWinner"),
    };
}
