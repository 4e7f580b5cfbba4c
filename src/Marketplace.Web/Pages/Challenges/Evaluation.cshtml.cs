using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Features.Challenges;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>
/// The panel's evaluation room, open after the proposal deadline: the chair invites colleagues; each member declares;
/// members without a conflict score each proposal per criterion with a comment, compare every evaluator's scores and
/// the means, shortlist, and award after checking the answers.
/// </summary>
[Authorize(Roles = Roles.Buyer)]
public sealed class EvaluationModel(IMediator mediator) : MediatorPage(mediator)
{
    public Evaluation.Room Room { get; private set; } = null!;
    public Award.Summary? Confirmation { get; private set; }
    [BindProperty] public ScoreInput Score { get; set; } = new();
    [BindProperty] public AwardInput AwardForm { get; set; } = new();
    [BindProperty] public DeclareInput Declaration { get; set; } = new();
    [BindProperty] public InviteInput Invite { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int id) => Room = await Mediator.Send(new Evaluation.Query(id), HttpContext.RequestAborted);

    public Task<IActionResult> OnPostInviteAsync(int id) => ActAsync(id, new EvaluationPanel.Invite(id, Invite.Email), nameof(Invite),
        Texts.Get("Pages.Challenges.Evaluation.TheEvaluatorIsInvited"));

    public Task<IActionResult> OnPostDeclareAsync(int id) => ActAsync(id, new EvaluationPanel.Declare(id, Declaration.Conflict, Declaration.Note), nameof(Declaration),
        Declaration.Conflict
            ? Texts.Get("Pages.Challenges.Evaluation.DeclarationRecordedYouAreExcludedFrom")
            : Texts.Get("Pages.Challenges.Evaluation.DeclarationRecordedYouCanNowScore"));

    public Task<IActionResult> OnPostShortlistAsync(int id, int proposalId) => ActAsync(id, new Evaluation.Shortlist(proposalId), nameof(Score),
        Texts.Get("Pages.Challenges.Evaluation.TheProposalIsShortlisted"));

    public async Task<IActionResult> OnPostScoreAsync(int id)
    {
        var scores = Score.Values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : (int?)null).ToList();
        if (scores.Count == 0 || scores.Any(s => s is null))
        {
            ModelState.AddModelError("Score.Scores", Texts.Get("Pages.Challenges.Evaluation.GiveEveryCriterionAScoreFrom"));
            await OnGetAsync(id);
            return Page();
        }
        return await ActAsync(id, new Evaluation.Score(Score.ProposalId, scores.Select(s => s!.Value).ToList(), Score.Comment), nameof(Score),
            Texts.Get("Pages.Challenges.Evaluation.YourScoresAreSaved"));
    }

    /// <summary>Step one: the same rules as the award, nothing saved; the page shows what will happen.</summary>
    public async Task<IActionResult> OnPostAwardAsync(int id)
    {
        var (ok, summary) = await TrySendAsync(Fill(new Award.Check(), id), nameof(AwardForm));
        if (ok)
            Confirmation = summary;
        else
            MoveWinnerErrorsToRows();
        await OnGetAsync(id);
        return Page();
    }

    /// <summary>"Go back and change" from step one: the award form again, holding everything the person entered.</summary>
    public async Task<IActionResult> OnPostEditAwardAsync(int id)
    {
        await OnGetAsync(id);
        return Page();
    }

    /// <summary>Step two: the person checked the answers.</summary>
    public async Task<IActionResult> OnPostConfirmAwardAsync(int id)
    {
        var (ok, _) = await TrySendAsync(Fill(new Award.Command(), id), nameof(AwardForm));
        if (ok)
        {
            Message = Texts.Get("Pages.Challenges.Evaluation.AwardedEveryVendorHasBeenTold");
            return RedirectToPage(new { id });
        }
        MoveWinnerErrorsToRows();
        await OnGetAsync(id);
        return Page();
    }

    private T Fill<T>(T form, int id) where T : Award.Form
    {
        form.ChallengeId = id;
        form.ContractDate = AwardForm.ContractDate;
        form.FeedbackToOthers = AwardForm.FeedbackToOthers;
        form.Winners = Chosen.Select(r => new Award.Winner { ProposalId = r.ProposalId, ContractValueBaht = r.ContractValueBaht }).ToList();
        return form;
    }

    private List<AwardRow> Chosen => AwardForm.Rows.Where(r => r.Chosen).ToList();

    /// <summary>The core numbers winners among the chosen rows only; point each message at its row's contract value instead.</summary>
    private void MoveWinnerErrorsToRows()
    {
        var chosen = Chosen;
        for (var k = 0; k < chosen.Count; k++)
        {
            var key = $"{nameof(AwardForm)}.Winners[{k}]";
            if (!ModelState.TryGetValue(key, out var entry))
                continue;
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
                ModelState.AddModelError($"{nameof(AwardForm)}.Rows[{AwardForm.Rows.IndexOf(chosen[k])}].ContractValueBaht", message);
        }
    }

    private async Task<IActionResult> ActAsync(int id, IRequest<Unit> request, string prefix, string done)
    {
        var (ok, _) = await TrySendAsync(request, prefix);
        if (ok)
        {
            Message = done;
            return RedirectToPage(new { id });
        }
        await OnGetAsync(id);
        return Page();
    }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
    }

    public sealed class DeclareInput
    {
        public bool Conflict { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ScoreInput
    {
        public int ProposalId { get; set; }

        /// <summary>Read as text so a blank or non-number gets the same bilingual message as an out-of-range score.</summary>
        public List<string?> Values { get; set; } = [];

        public string? Comment { get; set; }
    }

    public sealed class AwardInput
    {
        public List<AwardRow> Rows { get; set; } = [];
        public DateOnly? ContractDate { get; set; }
        public string? FeedbackToOthers { get; set; }
    }

    public sealed class AwardRow
    {
        public int ProposalId { get; set; }
        public bool Chosen { get; set; }
        public string? ContractValueBaht { get; set; }
    }
}
