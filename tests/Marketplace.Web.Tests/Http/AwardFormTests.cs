using System.Globalization;
using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The award's "check your answers" step: going back to change keeps what the buyer entered.</summary>
public sealed class AwardFormTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Going_back_from_the_confirmation_keeps_the_chosen_winner_value_date_and_message()
    {
        int challengeId, proposalId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            challengeId = await db.Challenges.Where(c => c.Agency!.Slug == "dga" && c.State == ChallengeState.Evaluating).Select(c => c.Id).SingleAsync();
            proposalId = await db.Proposals.Where(p => p.ChallengeId == challengeId && p.State != ProposalState.Withdrawn).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var room = $"/agency/challenges/{challengeId}/evaluation";
        var contractDate = Marketplace.Core.Common.Dates.Iso(factory.Clock.Now);
        using var buyer = Visitor.For(factory);
        await buyer.SignInAsync("buyer@demo.govtech.example");
        var (_, page) = await buyer.GetAsync(room);
        var rowIndex = Array.IndexOf(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"award-row\" data-proposal=\"(\\d+)\"")
            .Select(m => m.Groups[1].Value).ToArray(), proposalId.ToString(CultureInfo.InvariantCulture));
        Assert.True(rowIndex >= 0, "the award form lists the proposal");
        var entered = new Dictionary<string, string>
        {
            [$"AwardForm.Rows[{rowIndex}].ProposalId"] = $"{proposalId}",
            [$"AwardForm.Rows[{rowIndex}].Chosen"] = "true",
            [$"AwardForm.Rows[{rowIndex}].ContractValueBaht"] = "123,456",
            ["AwardForm.ContractDate"] = contractDate,
            ["AwardForm.FeedbackToOthers"] = "ขอบคุณที่ร่วมเสนอ back-and-change",
        };

        using var check = await buyer.PostFormAsync(room, entered, $"{room}?handler=Award");
        var confirmation = await check.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"award-confirmation\"", confirmation);
        Assert.Contains($"formaction=\"{room}?handler=EditAward\"", confirmation);

        using var back = await buyer.PostFormAsync(room, entered, $"{room}?handler=EditAward");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var form = await back.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"award-confirmation\"", form);
        Assert.Contains($"id=\"award-{proposalId}\" name=\"AwardForm.Rows[{rowIndex}].Chosen\" value=\"true\" checked", form);
        Assert.Contains("value=\"123,456\"", form);
        Assert.Contains($"value=\"{contractDate}\"", form);
        Assert.Contains("ขอบคุณที่ร่วมเสนอ back-and-change", form);
        Assert.Equal(ChallengeState.Evaluating, await DbStateAsync(challengeId));
    }

    [Fact]
    public async Task The_scoring_view_names_each_offered_solution_in_the_pages_language()
    {
        Marketplace.Core.Domain.Catalogue.ListingContent offered;
        int challengeId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            challengeId = await db.Challenges.Where(c => c.Agency!.Slug == "dga" && c.State == ChallengeState.Evaluating).Select(c => c.Id).SingleAsync();
            // Terms are read whole and projected here: PostgreSQL's provider cannot project one member of the JSON column.
            var proposals = await db.Proposals.AsNoTracking().Where(p => p.ChallengeId == challengeId && p.State != ProposalState.Withdrawn).ToListAsync();
            var listingIds = proposals.Select(p => p.Terms.ListingId).ToList();
            var listings = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).ToListAsync();
            offered = listings.Select(l => l.Live ?? l.Draft).First(c => !string.IsNullOrWhiteSpace(c.TitleEn));
        }
        using var buyer = Visitor.For(factory);
        await buyer.SignInAsync("buyer@demo.govtech.example");

        var (_, english) = await buyer.GetAsync($"/agency/challenges/{challengeId}/evaluation?culture=en-US");
        Assert.Contains("· " + offered.TitleEn + "</span>", WebUtility.HtmlDecode(english));
        var (_, thai) = await buyer.GetAsync($"/agency/challenges/{challengeId}/evaluation?culture=th-TH");
        Assert.Contains("· " + offered.TitleTh + "</span>", WebUtility.HtmlDecode(thai));
    }

    private async Task<ChallengeState> DbStateAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Challenges.Where(c => c.Id == id).Select(c => c.State).SingleAsync();
    }
}
