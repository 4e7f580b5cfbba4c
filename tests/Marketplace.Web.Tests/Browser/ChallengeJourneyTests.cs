using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>PRODUCT.md journey 3 in a browser, each person in their own browser context, the site's clock moved past the deadline;
/// a panel of two evaluators declares, scores with comments, and awards after confirming.</summary>
public sealed partial class ChallengeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "สมุดสุขภาพประชาชนบนมือถือสำหรับอาสาสมัครสาธารณสุข";
    private const string Question = "ต้องเชื่อมต่อกับระบบ HIS ของโรงพยาบาลส่งเสริมสุขภาพตำบลหรือไม่";
    private const string AnswerText = "ต้องเชื่อมต่อผ่านมาตรฐาน FHIR กับระบบที่ใช้อยู่";

    [Fact]
    public async Task A_buyer_posts_a_challenge_a_moderator_publishes_it_a_matched_vendor_proposes_and_the_buyer_scores_and_awards()
    {
        var buyer = await fixture.NewPageAsync();
        await buyer.SignInAsync("buyer@demo.govtech.example");
        var challengeId = await PostAndSubmitAsync(buyer);

        var moderator = await fixture.NewPageAsync();
        await moderator.SignInAsync("moderator@demo.govtech.example");
        await moderator.GotoAsync("/moderation");
        await moderator.CheckAsync(fixture, "challenge-05-moderation-queue");
        await moderator.ClickAsync($"[data-testid=challenge-queue] a[href='/moderation/challenges/{challengeId}']");
        await moderator.WaitForURLAsync($"**/moderation/challenges/{challengeId}");
        Assert.Contains("50%", await moderator.InnerTextAsync("[data-testid=criteria]"));
        await moderator.CheckAsync(fixture, "challenge-06-review");
        await moderator.ClickAsync("[data-testid=publish-challenge]");
        await moderator.WaitForURLAsync("**/moderation");
        Assert.Contains("เผยแพร่โจทย์แล้ว", await moderator.InnerTextAsync("[data-testid=moderation-message]"));

        var vendor = await fixture.NewPageAsync();
        await vendor.SignInAsync("vendor@demo.govtech.example");
        var slug = await AskAndProposeAsync(vendor);

        await buyer.GotoAsync($"/challenges/{slug}");
        Assert.True(await buyer.Locator("[data-testid=matched-vendor][data-vendor=siam-health-link]").CountAsync() == 1,
            "The vendor whose health solutions fit should be among the matched vendors");
        Assert.True(await buyer.Locator("[data-testid=matched-vendor] [data-testid=shared-terms] >> nth=0").IsVisibleAsync());
        await buyer.FillAsync("[data-testid=answer-form] textarea", AnswerText);
        await buyer.ClickAsync("[data-testid=answer-form] button");
        await buyer.WaitForSelectorAsync("[data-testid=challenge-message]");
        await buyer.CheckAsync(fixture, "challenge-11-buyer-answered-with-matches");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/challenges?open=true");
        Assert.Equal(1, await visitor.Locator($"[data-testid=challenge-card][data-slug='{slug}']").CountAsync());
        await visitor.CheckAsync(fixture, "challenge-12-public-list");
        await visitor.GotoAsync($"/challenges/{slug}");
        Assert.Contains(AnswerText, await visitor.InnerTextAsync("[data-testid=questions]"));
        Assert.DoesNotContain("วรรณา", await visitor.InnerTextAsync("main"));

        fixture.Site.Clock.Advance(TimeSpan.FromDays(40));
        await ScoreAndAwardAsync(buyer, challengeId);

        await vendor.GotoAsync($"/challenges/{slug}/proposal");
        Assert.Equal("Awarded", await vendor.GetAttributeAsync("[data-testid=proposal-state]", "data-state"));
        await vendor.CheckAsync(fixture, "challenge-16-vendor-won");

        await visitor.GotoAsync("/awards");
        var award = visitor.Locator($"[data-testid=award][data-challenge='{slug}']");
        Assert.Equal(1, await award.CountAsync());
        Assert.Contains("1,250,000", await award.InnerTextAsync());
        await visitor.CheckAsync(fixture, "challenge-17-award-register");
    }

    /// <summary>The buyer writes a challenge with a 35-day window, saves it, and submits it: no short-window warning.</summary>
    private async Task<int> PostAndSubmitAsync(IPage buyer)
    {
        await buyer.GotoAsync("/agency/challenges");
        await buyer.CheckAsync(fixture, "challenge-01-agency-dashboard");
        await buyer.ClickAsync("[data-testid=new-challenge]");
        await buyer.WaitForURLAsync("**/agency/challenges/edit");
        var thaiToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await buyer.FillAsync("#Input_Challenge_TitleTh", Title);
        await buyer.FillAsync("#Input_Challenge_TitleEn", "Mobile health records for village health volunteers");
        await buyer.FillAsync("#Input_Challenge_ProblemTh",
            "อาสาสมัครสาธารณสุขประจำหมู่บ้านบันทึกข้อมูลสุขภาพผู้สูงอายุลงกระดาษ ข้อมูลสุขภาพไม่ถึงโรงพยาบาลส่งเสริมสุขภาพตำบลทันเวลา ประชาชนเปิดดูประวัติสุขภาพของตนบนมือถือไม่ได้");
        await buyer.FillAsync("#Input_Challenge_OutcomesTh", "ประชาชนเข้าถึงข้อมูลสุขภาพบนมือถือ และ อสม. ส่งข้อมูลการเยี่ยมบ้านได้ภายในวันเดียว");
        await buyer.SelectOptionAsync("#Input_Challenge_Sector", "GovTech");
        await buyer.SelectOptionAsync("#Input_Challenge_Category", "3");
        await buyer.SelectOptionAsync("#Input_Challenge_Provinces", ["TH-40"]);
        await buyer.FillAsync("#Input_Challenge_BudgetMinBaht", "800,000");
        await buyer.FillAsync("#Input_Challenge_BudgetMaxBaht", "1,500,000");
        await buyer.FillAsync("#Input_Challenge_QuestionsDeadline", Iso(thaiToday.AddDays(20)));
        await buyer.FillAsync("#Input_Challenge_ProposalsDeadline", Iso(thaiToday.AddDays(35)));
        string[][] criteria = [["ความเหมาะสมของแนวทาง", "50"], ["ประสบการณ์กับหน่วยบริการสุขภาพ", "30"], ["ราคา", "20"]];
        for (var i = 0; i < criteria.Length; i++)
        {
            await buyer.FillAsync($"#Input_Challenge_Criteria_{i}__NameTh", criteria[i][0]);
            await buyer.FillAsync($"#Input_Challenge_Criteria_{i}__Weight", criteria[i][1]);
        }
        await buyer.FillAsync("#Input_Challenge_ContactEmail", "health-challenge@dga.or.th");
        await buyer.CheckAsync(fixture, "challenge-02-new-challenge");
        await buyer.ClickAsync("[data-testid=save-challenge]");

        await buyer.WaitForURLAsync(EditUrl());
        Assert.Contains("บันทึกฉบับร่างแล้ว", await buyer.InnerTextAsync("[data-testid=challenge-message]"));
        Assert.Equal(Iso(thaiToday.AddDays(35)), await buyer.InputValueAsync("#Input_Challenge_ProposalsDeadline"));
        await buyer.CheckAsync(fixture, "challenge-03-saved-draft");
        var id = int.Parse(EditUrl().Match(buyer.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await buyer.ClickAsync("[data-testid=submit-challenge]");
        await buyer.WaitForURLAsync("**/agency/challenges");
        Assert.Contains("ส่งให้เจ้าหน้าที่ NIA ตรวจแล้ว", await buyer.InnerTextAsync("[data-testid=challenge-message]"));
        Assert.Equal(0, await buyer.Locator("[data-testid=challenge-warning]").CountAsync());
        Assert.Equal("Submitted", await buyer.GetAttributeAsync($"[data-testid=my-challenge][data-id='{id}'] [data-testid=challenge-state]", "data-state"));
        await buyer.CheckAsync(fixture, "challenge-04-submitted");
        return id;
    }

    /// <summary>The vendor finds the challenge among those that fit it, asks a question and sends a proposal.</summary>
    private async Task<string> AskAndProposeAsync(IPage vendor)
    {
        await vendor.GotoAsync("/vendor/listings");
        var recommended = vendor.Locator("[data-testid=recommended-challenge]", new() { HasText = Title });
        Assert.Equal(1, await recommended.CountAsync());
        Assert.True(await recommended.Locator("[data-testid=match-reasons]").IsVisibleAsync());
        await vendor.CheckAsync(fixture, "challenge-07-vendor-dashboard");
        var slug = (await recommended.GetAttributeAsync("data-slug"))!;
        await recommended.Locator("h3 a").ClickAsync();
        await vendor.WaitForURLAsync($"**/challenges/{slug}");
        await vendor.CheckAsync(fixture, "challenge-08-vendor-reads");

        await vendor.FillAsync("#Ask_Text", Question);
        await vendor.ClickAsync("[data-testid=ask-question]");
        await vendor.WaitForSelectorAsync("[data-testid=challenge-message]");
        await vendor.ClickAsync("[data-testid=proposal-link]");
        await vendor.WaitForURLAsync($"**/challenges/{slug}/proposal");
        await vendor.CheckAsync(fixture, "challenge-09-proposal-form");
        await vendor.FillAsync("#Input_Approach", "ต่อยอดสมุดสุขภาพประชาชนบนมือถือที่ใช้งานจริงแล้ว เพิ่มแบบบันทึกการเยี่ยมบ้านของ อสม. และเชื่อมต่อ FHIR");
        await vendor.FillAsync("#Input_PriceBaht", "1,250,000");
        await vendor.FillAsync("#Input_TimelineDays", "120");
        await vendor.ClickAsync("[data-testid=send-proposal]");
        await vendor.WaitForSelectorAsync("[data-testid=proposal-message]");
        Assert.Equal("Submitted", await vendor.GetAttributeAsync("[data-testid=proposal-state]", "data-state"));
        await vendor.CheckAsync(fixture, "challenge-10-proposal-sent");
        await vendor.GotoAsync("/vendor/alerts");
        await vendor.CheckAsync(fixture, "challenge-10-vendor-alerts");
        return slug;
    }

    /// <summary>
    /// After the deadline a panel of two: the chair invites a colleague; each declares no conflict and scores with a
    /// comment (chair 8, 7, 9 = 79; colleague 6, 7, 9 = 69; the means 7, 7, 9 give 74); the chair shortlists, checks the
    /// answers and awards.
    /// </summary>
    private async Task ScoreAndAwardAsync(IPage buyer, int challengeId)
    {
        var room = $"/agency/challenges/{challengeId}/evaluation";
        await buyer.GotoAsync(room);
        Assert.Equal(0, await buyer.Locator("[data-testid=proposal]").CountAsync());
        await buyer.CheckAsync(fixture, "challenge-13-evaluation-room");
        await buyer.SelectOptionAsync("#Invite_Email", "evaluator@demo.govtech.example");
        await buyer.ClickAsync("[data-testid=invite-evaluator] button");
        await buyer.WaitForSelectorAsync("[data-testid=evaluation-message]");
        await buyer.ClickAsync("[data-testid=declare-no-conflict]");
        await buyer.WaitForSelectorAsync("[data-testid=evaluation-message]");
        var proposalId = await buyer.GetAttributeAsync("[data-testid=proposal]", "data-proposal");
        await ScoreAsync(buyer, proposalId!, ["8", "7", "9"], "แนวทางชัดเจน ต่อยอดระบบที่ใช้งานจริง");
        Assert.Equal("79", await buyer.InnerTextAsync("[data-testid=weighted-total]"));

        var colleague = await fixture.NewPageAsync();
        await colleague.SignInAsync("evaluator@demo.govtech.example");
        await colleague.GotoAsync(room);
        Assert.Contains("สุดารัตน์", await colleague.InnerTextAsync("[data-testid=panel]"));
        await colleague.ClickAsync("[data-testid=declare-no-conflict]");
        await colleague.WaitForSelectorAsync("[data-testid=evaluation-message]");
        await ScoreAsync(colleague, proposalId!, ["6", "7", "9"], "ราคาเหมาะสม แต่ประสบการณ์ยังน้อย");
        await colleague.CheckAsync(fixture, "challenge-14-second-evaluator");

        await buyer.GotoAsync(room);
        Assert.Equal("74", await buyer.InnerTextAsync("[data-testid=weighted-total]"));
        var byEvaluator = await buyer.InnerTextAsync("[data-testid=evaluator-scores]");
        Assert.Contains("ราคาเหมาะสม แต่ประสบการณ์ยังน้อย", byEvaluator);
        Assert.Contains("แนวทางชัดเจน", byEvaluator);
        await buyer.ClickAsync($"[data-testid=shortlist-{proposalId}]");
        await buyer.WaitForSelectorAsync("[data-testid=evaluation-message]");
        await buyer.CheckAsync(fixture, "challenge-14-scored");

        await buyer.Locator($"#award-{proposalId}").CheckAsync();
        await buyer.FillAsync("#AwardForm_ContractDate", Iso(DateOnly.FromDateTime(fixture.Site.Clock.Now.UtcDateTime)));
        await buyer.FillAsync("#AwardForm_FeedbackToOthers", "ขอบคุณทุกบริษัทที่ยื่นข้อเสนอ");
        await buyer.ClickAsync("[data-testid=award]");
        await buyer.WaitForSelectorAsync("[data-testid=award-confirmation]");
        Assert.Contains("1,250,000", await buyer.InnerTextAsync("[data-testid=confirm-winner]"));
        Assert.Equal("Evaluating", await buyer.GetAttributeAsync("[data-testid=challenge-state]", "data-state"));
        await buyer.CheckAsync(fixture, "challenge-15-check-your-answers");
        await buyer.ClickAsync("[data-testid=confirm-award]");
        await buyer.WaitForSelectorAsync("[data-testid=evaluation-message]");
        Assert.Equal("Awarded", await buyer.GetAttributeAsync("[data-testid=challenge-state]", "data-state"));
        await buyer.CheckAsync(fixture, "challenge-15-awarded");
    }

    private static async Task ScoreAsync(IPage evaluator, string proposalId, string[] scores, string comment)
    {
        for (var i = 0; i < scores.Length; i++)
            await evaluator.FillAsync($"#score-{proposalId}-{i}", scores[i]);
        await evaluator.FillAsync($"#comment-{proposalId}", comment);
        await evaluator.ClickAsync($"[data-testid=save-scores-{proposalId}]");
        await evaluator.WaitForSelectorAsync("[data-testid=evaluation-message]");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/agency/challenges/edit/(\d+)$")]
    private static partial Regex EditUrl();
}
