using Marketplace.Core.Data;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Moderation;
using Marketplace.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Pages.Moderation;

/// <summary>Reviewing one submitted challenge: publish it (matched vendors are told) or send it back with a reason.</summary>
public sealed class ChallengeModel(IMediator mediator, MarketplaceDbContext db) : MediatorPage(mediator)
{
    public ChallengeDetails.Result Review { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> ProvinceNames { get; private set; } = new Dictionary<string, string>();
    [BindProperty] public ModerateChallenge.Command Decision { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(int id)
    {
        Review = await Mediator.Send(new ChallengeQueue.Review(id), HttpContext.RequestAborted);
        ProvinceNames = await Choices.ProvinceNamesAsync(db, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Decision.ChallengeId = id;
        var (ok, _) = await TrySendAsync(Decision, nameof(Decision));
        if (ok)
        {
            Message = Decision.Publish
                ? Core.Common.Texts.Get("Pages.Moderation.Challenge.TheChallengeIsPublishedMatchingVendors")
                : Core.Common.Texts.Get("Pages.Moderation.Challenge.TheChallengeIsSentBackTo");
            return Redirect("/moderation");
        }
        await OnGetAsync(id);
        return Page();
    }
}
