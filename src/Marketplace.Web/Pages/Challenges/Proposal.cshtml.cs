using Marketplace.Core.Common;
using Marketplace.Core.Features.Challenges;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>
/// A vendor's own proposal to a challenge. If its company may not propose, the page says exactly why before any
/// form; otherwise it sends, changes or withdraws the proposal until the deadline, and reads the result afterwards.
/// </summary>
[Authorize(Roles = Roles.Vendor)]
public sealed class ProposalModel(IMediator mediator) : MediatorPage(mediator)
{
    public ChallengeDetails.Result Details { get; private set; } = null!;
    public Proposals.MineResult Mine { get; private set; } = null!;
    [BindProperty] public Proposals.Send Input { get; set; } = new();
    [BindProperty] public UploadInput Upload { get; set; } = new();
    [TempData] public string? Message { get; set; }

    /// <summary>The price is above the budget and the vendor has not yet confirmed it: show the confirmation box.</summary>
    public bool OverBudgetWarned => !Input.AcceptOverBudget && Money.ParseBaht(Input.PriceBaht) is { } price && price > Mine.BudgetMaxSatang;

    public async Task OnGetAsync(string slug)
    {
        await LoadAsync(slug);
        Input = Mine.Current ?? new Proposals.Send { ListingId = Mine.Solutions.FirstOrDefault().Id };
    }

    public async Task<IActionResult> OnPostSendAsync(string slug)
    {
        await LoadAsync(slug);
        Input.ChallengeId = Details.Id;
        if (ModelState.ErrorCount == 0)
        {
            var (ok, _) = await TrySendAsync(Input);
            if (ok)
            {
                Message = Texts.Get("Pages.Challenges.Proposal.ProposalSentYouCanChangeOr");
                return RedirectToPage(new { slug });
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(string slug)
    {
        await LoadAsync(slug);
        var file = await Uploads.ReadAsync(Upload.File, HttpContext.RequestAborted);
        var (ok, _) = await TrySendAsync(new TenderDocuments.AttachToProposal(Details.Id, Upload.Kind, file), nameof(Upload));
        if (ok)
        {
            Message = Texts.Get("Pages.Challenges.Proposal.TheDocumentIsAttachedItIs");
            return RedirectToPage(new { slug });
        }
        Input = Mine.Current ?? new Proposals.Send();
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug)
    {
        await LoadAsync(slug);
        var (ok, _) = await TrySendAsync(new Proposals.Withdraw(Details.Id));
        if (ok)
        {
            Message = Details.OpenForProposals
                ? Texts.Get("Pages.Challenges.Proposal.ProposalWithdrawnYouCanSendIt")
                : Texts.Get("Pages.Challenges.Proposal.ProposalWithdrawn");
            return RedirectToPage(new { slug });
        }
        Input = Mine.Current ?? new Proposals.Send();
        return Page();
    }

    public sealed class UploadInput
    {
        public Marketplace.Core.Domain.Documents.DocumentKind Kind { get; set; }
        public IFormFile? File { get; set; }
    }

    private async Task LoadAsync(string slug)
    {
        Details = await Mediator.Send(new ChallengeDetails.Query(slug), HttpContext.RequestAborted);
        Mine = await Mediator.Send(new Proposals.Mine(Details.Id), HttpContext.RequestAborted);
    }
}
