using Marketplace.Core.Features.Procurement;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Procurement;

/// <summary>
/// /orders/{id}: the order for its buyer, its vendor and moderators, with the actions each side may take. The success
/// and cancel pages Stripe returns to are this page too (/orders/{id}/paid): they show the stored state, never trust
/// the redirect.
/// </summary>
[Authorize]
public sealed class OrderModel(IMediator mediator) : MediatorPage(mediator)
{
    public OrderDetails.Result Details { get; private set; } = null!;
    public string? Step { get; private set; }
    [BindProperty] public string? Text { get; set; }

    public async Task OnGetAsync(int id, string? step)
    {
        Step = step;
        Details = await Mediator.Send(new OrderDetails.Query(id));
    }

    public async Task<IActionResult> OnGetPurchaseOrderAsync(int id)
    {
        var file = await Mediator.Send(new OrderDetails.PurchaseOrderFile(id));
        return File(file.Content, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnPostPayAsync(int id)
    {
        var (ok, url) = await TrySendAsync(new StartCheckout.Command(id, $"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
        return ok ? Redirect(url!) : await ShowAsync(id);
    }

    public Task<IActionResult> OnPostCancelAsync(int id) => ActAsync(id, new OrderProgress.Cancel(id, Text));

    public Task<IActionResult> OnPostAcceptAsync(int id) => ActAsync(id, new PurchaseOrderSteps.Accept(id));

    public Task<IActionResult> OnPostDeclineAsync(int id) => ActAsync(id, new PurchaseOrderSteps.Decline(id, Text));

    public Task<IActionResult> OnPostInvoiceAsync(int id) => ActAsync(id, new PurchaseOrderSteps.IssueInvoice(id, Text));

    public Task<IActionResult> OnPostRecordPaymentAsync(int id) => ActAsync(id, new PurchaseOrderSteps.RecordPayment(id, Text));

    public Task<IActionResult> OnPostStartDeliveryAsync(int id) => ActAsync(id, new OrderProgress.StartDelivery(id));

    public Task<IActionResult> OnPostCompleteAsync(int id) => ActAsync(id, new OrderProgress.Complete(id));

    private async Task<IActionResult> ActAsync(int id, IRequest<Unit> command)
    {
        var (ok, _) = await TrySendAsync(command, prefix: "");
        return ok ? Redirect($"/orders/{id}") : await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        Details = await Mediator.Send(new OrderDetails.Query(id));
        return Page();
    }
}
