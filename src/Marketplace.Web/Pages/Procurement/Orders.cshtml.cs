using Marketplace.Core.Features.Procurement;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Procurement;

/// <summary>/agency/orders, /vendor/orders and /moderation/orders: one list, three audiences; the core decides who sees what.</summary>
[Authorize]
public sealed class OrdersModel(IMediator mediator) : PageModel
{
    public MyOrders.Side Side { get; private set; }
    public IReadOnlyList<MyOrders.Row> Orders { get; private set; } = [];

    public async Task OnGetAsync(string side)
    {
        Side = side switch { "agency" => MyOrders.Side.Agency, "vendor" => MyOrders.Side.Vendor, _ => MyOrders.Side.All };
        Orders = await mediator.Send(new MyOrders.Query(Side));
    }
}
