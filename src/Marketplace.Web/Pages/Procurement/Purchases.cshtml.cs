using Marketplace.Core.Features.Transparency;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Procurement;

public sealed class PurchasesModel(IMediator mediator) : PageModel
{
    public PurchaseRegister.Result Register { get; private set; } = null!;

    public async Task OnGetAsync(int pageNumber = 1) =>
        Register = await mediator.Send(new PurchaseRegister.Query(Math.Clamp(pageNumber, 1, 10_000), 20));
}
