using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Challenges;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>Agency staff write or edit a challenge as a draft, then submit it to NIA's moderators.</summary>
[Authorize(Roles = Roles.Buyer)]
public sealed class EditModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    [BindProperty] public SaveChallenge.Command Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];
    public MyAgencyChallenges.Item? State { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Warning { get; set; }

    public async Task OnGetAsync(int? id)
    {
        Input = id is null ? new SaveChallenge.Command() : await Mediator.Send(new SaveChallenge.Query(id.Value));
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id)
    {
        Input.ChallengeId = id;
        if (ModelState.ErrorCount == 0)
        {
            var (ok, result) = await TrySendAsync(Input);
            if (ok)
            {
                Message = Texts.Get("Pages.Challenges.Edit.DraftSavedSubmitItForReview");
                return RedirectToPage(new { id = result!.ChallengeId });
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        var (ok, result) = await TrySendAsync(new SubmitChallenge.Command(id));
        if (ok)
        {
            Message = Texts.Get("Pages.Challenges.Edit.SentToNIASModeratorsIt");
            Warning = result!.Warning;
            return RedirectToPage("Mine");
        }
        Input = await Mediator.Send(new SaveChallenge.Query(id));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Input.Challenge.PadCriteriaRows();
        Provinces = (await Choices.ProvincesAsync(db, HttpContext.RequestAborted)).Skip(1).ToList();
        if (Input.ChallengeId is { } id)
            State = await Mediator.Send(new MyAgencyChallenges.One(id), HttpContext.RequestAborted);
    }
}
