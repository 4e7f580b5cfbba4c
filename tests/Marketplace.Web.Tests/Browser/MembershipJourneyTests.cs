using Marketplace.Core.Data;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Browser;

/// <summary>
/// Someone from DGA registers and asks to join it, can do nothing for DGA while waiting, is approved by DGA's
/// organisation admin in another browser, and then works as DGA's buyer. The admin pages get axe checks too.
/// </summary>
public sealed class MembershipJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_colleague_asks_to_join_DGA_is_approved_by_its_admin_and_then_acts_as_its_buyer()
    {
        var colleague = await fixture.NewPageAsync();
        await colleague.GotoAsync("/account/register?type=Agency");
        await colleague.FillAsync("#Input_DisplayName", "กมลา ใหม่ใจ");
        await colleague.FillAsync("#Input_Email", "kamala@dga.or.th");
        await colleague.FillAsync("#Input_Password", Visitor.DemoPassword);
        await colleague.SelectOptionAsync("#Input_JoinOrganisationId", new Microsoft.Playwright.SelectOptionValue { Label = "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)" });
        await colleague.CheckAsync("#Input_AcceptPrivacy");
        await colleague.ClickAsync("[data-testid=register-form] button[type=submit]");
        await colleague.WaitForSelectorAsync("[data-testid=check-email]");
        await colleague.GotoAsync((await Mailbox.FullLinkAsync(fixture.Site, "kamala@dga.or.th", "/account/confirm-email")).ToString());
        await colleague.WaitForSelectorAsync("[data-testid=confirmed]");
        await colleague.SignInAsync("kamala@dga.or.th");
        await colleague.GotoAsync("/organisations/membership");
        Assert.Contains("รอการพิจารณา", await colleague.InnerTextAsync("[data-testid=my-request]"));
        await colleague.CheckAsync(fixture, "membership-01-request-waiting");
        var waiting = await colleague.GotoAsync("/agency/challenges");
        Assert.Equal(403, waiting!.Status);

        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("buyer@demo.govtech.example");
        await admin.GotoAsync("/organisations/members");
        var request = admin.Locator("[data-testid=membership-request]", new() { HasText = "kamala@dga.or.th" });
        await admin.CheckAsync(fixture, "membership-02-admin-sees-request");
        await request.Locator("button[data-testid^=approve-]").ClickAsync();
        await admin.WaitForSelectorAsync("[data-testid=members-message]");
        Assert.Contains("kamala@dga.or.th", await admin.InnerTextAsync("[data-testid=members]"));

        await colleague.GotoAsync("/organisations/membership");
        Assert.Contains("อนุมัติแล้ว", await colleague.InnerTextAsync("[data-testid=my-request]"));
        await colleague.CheckAsync(fixture, "membership-03-approved");
        await colleague.OpenMenuAsync();
        await colleague.ClickAsync("[data-testid=nav-agency-challenges]");
        await colleague.WaitForURLAsync("**/agency/challenges");
        // As DGA's buyer the colleague now sees DGA's challenges; evaluating one needs the chair's invitation to the panel.
        var evaluating = await DgaChallengeInEvaluationAsync();
        Assert.True(await colleague.Locator($"a[href^='/agency/challenges/{evaluating}']").CountAsync() > 0);
        await colleague.CheckAsync(fixture, "membership-04-buyer-sees-challenges");
    }

    [Fact]
    public async Task The_admin_pages_pass_axe()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("admin@demo.govtech.example");
        foreach (var (url, name) in new[] { ("/admin", "admin-index"), ("/admin/users?q=demo", "admin-users"), ("/admin/organisations", "admin-organisations"),
                     ("/admin/taxonomy", "admin-taxonomy"), ("/admin/settings", "admin-settings"), ("/moderation/memberships", "moderation-memberships"),
                     ("/moderation/organisation-changes", "moderation-organisation-changes") })
        {
            var response = await admin.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await admin.CheckAsync(fixture, name);
        }
    }

    private async Task<int> DgaChallengeInEvaluationAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.Challenges.Where(c => c.Agency!.Slug == "dga" && c.State == Core.Domain.Challenges.ChallengeState.Evaluating).Select(c => c.Id).SingleAsync();
    }
}
