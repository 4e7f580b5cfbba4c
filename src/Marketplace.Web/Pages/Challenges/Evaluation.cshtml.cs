using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Features.Challenges;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>
/// The agency's evaluation room, open after the proposal deadline: declare no conflict of interest, score each
/// proposal per criterion, compare weighted totals and ranks, shortlist, and award.
/// </summary>
[Authorize(Roles = Roles.Buyer)]
public sealed class EvaluationModel(IMediator mediator) : MediatorPage(mediator)
{
    public Evaluation.Room Room { get; private set; } = null!;
    [BindProperty] public ScoreInput Score { get; set; } = new();
    [BindProperty] public AwardInput AwardForm { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int id) => Room = await Mediator.Send(new Evaluation.Query(id), HttpContext.RequestAborted);

    public Task<IActionResult> OnPostDeclareAsync(int id) => ActAsync(id, new Evaluation.DeclareNoConflict(id), nameof(Score),
        Bi.T("บันทึกการประกาศแล้ว ให้คะแนนข้อเสนอได้", "Declaration recorded. You can now score the proposals."));

    public Task<IActionResult> OnPostShortlistAsync(int id, int proposalId) => ActAsync(id, new Evaluation.Shortlist(proposalId), nameof(Score),
        Bi.T("คัดเข้ารอบแล้ว", "The proposal is shortlisted"));

    public async Task<IActionResult> OnPostScoreAsync(int id)
    {
        var scores = Score.Values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : (int?)null).ToList();
        if (scores.Count == 0 || scores.Any(s => s is null))
        {
            ModelState.AddModelError("Score.Scores", Bi.T("ให้คะแนน 0–10 ทุกเกณฑ์", "Give every criterion a score from 0 to 10"));
            await OnGetAsync(id);
            return Page();
        }
        return await ActAsync(id, new Evaluation.Score(Score.ProposalId, scores.Select(s => s!.Value).ToList()), nameof(Score),
            Bi.T("บันทึกคะแนนแล้ว", "Your scores are saved"));
    }

    public async Task<IActionResult> OnPostAwardAsync(int id)
    {
        var chosen = AwardForm.Rows.Where(r => r.Chosen).ToList();
        var command = new Award.Command
        {
            ChallengeId = id,
            ContractDate = AwardForm.ContractDate,
            FeedbackToOthers = AwardForm.FeedbackToOthers,
            Winners = chosen.Select(r => new Award.Winner { ProposalId = r.ProposalId, ContractValueBaht = r.ContractValueBaht }).ToList(),
        };
        var (ok, _) = await TrySendAsync(command, nameof(AwardForm));
        if (ok)
        {
            Message = Bi.T("ประกาศผลแล้ว ทุกบริษัทได้รับแจ้ง และผลอยู่ในทะเบียนสาธารณะ", "Awarded. Every vendor has been told, and the award is in the public register.");
            return RedirectToPage(new { id });
        }
        // The core numbers winners among the chosen rows only; point each message at its row's contract value instead.
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
        await OnGetAsync(id);
        return Page();
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

    public sealed class ScoreInput
    {
        public int ProposalId { get; set; }

        /// <summary>Read as text so a blank or non-number gets the same bilingual message as an out-of-range score.</summary>
        public List<string?> Values { get; set; } = [];
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
