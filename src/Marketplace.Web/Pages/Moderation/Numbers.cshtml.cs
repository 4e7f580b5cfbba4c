using Marketplace.Core.Features.Moderation;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Moderation;

public sealed class NumbersModel(IMediator mediator) : PageModel
{
    public ModerationNumbers.Result Numbers { get; private set; } = null!;

    public async Task OnGetAsync() => Numbers = await mediator.Send(new ModerationNumbers.Query());
}
