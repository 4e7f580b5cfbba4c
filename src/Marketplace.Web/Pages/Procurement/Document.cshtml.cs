using Marketplace.Core.Common;
using Marketplace.Core.Features.Procurement;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Procurement;

/// <summary>The printable order confirmation and receipt / tax invoice, for the same people who may see the order.</summary>
[Authorize]
public sealed class DocumentModel(IMediator mediator) : PageModel
{
    public OrderDetails.Result Details { get; private set; } = null!;
    public bool IsReceipt { get; private set; }

    public async Task OnGetAsync(int id, string kind)
    {
        Details = await mediator.Send(new OrderDetails.Query(id));
        IsReceipt = kind == "receipt";
        if (IsReceipt && Details.TaxInvoice is null)
            throw new NotFoundException(Texts.Get("Pages.Procurement.Document.ThisOrderIsNotPaidSo"));
    }
}
