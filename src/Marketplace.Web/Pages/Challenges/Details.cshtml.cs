using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Matching;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>
/// A challenge's public page. A signed-in vendor may ask a question; the owning agency answers questions, sees the
/// vendors the system matched and invites them, and cancels. Every form posts back here and redirects on success.
/// </summary>
[Infrastructure.Security.RateLimited("questions")]
public sealed class DetailsModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    public ChallengeDetails.Result Details { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<VendorMatch> Matches { get; private set; } = [];
    [BindProperty] public QuestionInput Ask { get; set; } = new();
    [BindProperty] public AnswerInput Answer { get; set; } = new();
    [BindProperty] public string? CancelReason { get; set; }
    [BindProperty] public UploadInput Upload { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public bool CanManage => Details.IsOwner && User.IsInRole(Roles.Buyer);

    /// <summary>Matches help while the challenge is being written and while vendors can still be invited.</summary>
    public bool ShowsMatches => CanManage && (Details.State is ChallengeState.Draft or ChallengeState.Submitted || Details.OpenForProposals);

    public Task OnGetAsync(string slug) => LoadAsync(slug);

    public Task<IActionResult> OnPostAskAsync(string slug) =>
        ActAsync(slug, c => new Questions.Ask(c.Id, Ask.Text), nameof(Ask), Texts.Get("Pages.Challenges.Details.YourQuestionIsSentTheAgency"));

    public async Task<IActionResult> OnPostAnswerAsync(string slug)
    {
        var attachment = await Uploads.ReadAsync(Answer.File, HttpContext.RequestAborted);
        return await ActAsync(slug, _ => new Questions.Answer(Answer.QuestionId, Answer.Text, attachment), nameof(Answer), Texts.Get("Pages.Challenges.Details.TheAnswerIsPublished"));
    }

    public async Task<IActionResult> OnPostAttachAsync(string slug)
    {
        var file = await Uploads.ReadAsync(Upload.File, HttpContext.RequestAborted);
        return await ActAsync(slug, c => new TenderDocuments.AttachToChallenge(c.Id, Upload.Kind, file), nameof(Upload), Texts.Get("Pages.Challenges.Details.TheDocumentIsAttached"));
    }

    public Task<IActionResult> OnPostInviteAsync(string slug, int vendorId) =>
        ActAsync(slug, c => new InviteVendor.Command(c.Id, vendorId), "Invite", Texts.Get("Pages.Challenges.Details.TheVendorIsInvited"));

    public Task<IActionResult> OnPostCancelAsync(string slug) =>
        ActAsync(slug, c => new Award.Cancel(c.Id, CancelReason), nameof(CancelReason), Texts.Get("Pages.Challenges.Details.TheChallengeIsCancelled"));

    public async Task<IActionResult> OnPostDeleteAsync(string slug)
    {
        var challenge = await Mediator.Send(new ChallengeDetails.Query(slug), HttpContext.RequestAborted);
        var (ok, _) = await TrySendAsync(new DeleteDraftChallenge.Command(challenge.Id), nameof(CancelReason));
        if (!ok)
        {
            await LoadAsync(slug);
            return Page();
        }
        Message = Texts.Get("Pages.Challenges.Details.TheDraftIsDeleted");
        return Redirect("/agency/challenges");
    }

    private async Task<IActionResult> ActAsync(string slug, Func<ChallengeDetails.Result, IRequest<Unit>> request, string prefix, string done)
    {
        var challenge = await Mediator.Send(new ChallengeDetails.Query(slug), HttpContext.RequestAborted);
        var (ok, _) = await TrySendAsync(request(challenge), prefix);
        if (ok)
        {
            Message = done;
            return RedirectToPage(new { slug });
        }
        await LoadAsync(slug);
        return Page();
    }

    private async Task LoadAsync(string slug)
    {
        Details = await Mediator.Send(new ChallengeDetails.Query(slug), HttpContext.RequestAborted);
        PagePreview.Put(ViewData, new PagePreview(Bi.Pick(Details.Content.TitleTh, Details.Content.TitleEn),
            Bi.Pick(Details.Content.ProblemTh, Details.Content.ProblemEn)));
        ProvinceNames = await Choices.ProvinceNamesAsync(db, HttpContext.RequestAborted);
        if (ShowsMatches)
            Matches = await Mediator.Send(new MatchVendorsForChallenge.Query(Details.Id), HttpContext.RequestAborted);
    }

    public sealed class QuestionInput
    {
        public string? Text { get; set; }
    }

    public sealed class AnswerInput
    {
        public int QuestionId { get; set; }
        public string? Text { get; set; }
        public IFormFile? File { get; set; }
    }

    public sealed class UploadInput
    {
        public Marketplace.Core.Domain.Documents.DocumentKind Kind { get; set; }
        public IFormFile? File { get; set; }
    }
}
