using System.Globalization;
using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>Issue 8's attack, end to end: an address at an agency's domain no longer makes anyone its buyer.</summary>
public sealed class MembershipTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private const string DgaAdmin = "buyer@demo.govtech.example";

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Registering_at_dga_or_th_to_join_DGA_reaches_no_agency_page_or_action_until_DGAs_admin_approves()
    {
        var dga = await Db(db => db.Organisations.SingleAsync(o => o.Slug == "dga"));
        var evaluating = await Db(db => db.Challenges.SingleAsync(c => c.AgencyId == dga.Id && c.State == ChallengeState.Evaluating));
        var proposal = await Db(db => db.Proposals.FirstAsync(p => p.ChallengeId == evaluating.Id));
        using var attacker = Visitor.For(factory);

        // Even with a confirmed address, asking to join grants nothing until someone with the right approves.
        await attacker.RegisterConfirmedAsync(factory, new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency",
            ["Input.Language"] = "th",
            ["Input.DisplayName"] = "ผู้แอบอ้าง",
            ["Input.Email"] = "someone@dga.or.th",
            ["Input.Password"] = "correct-horse-9",
            ["Input.JoinOrganisationId"] = Id(dga.Id),
        }, "/account/register?type=Agency");
        var (_, status) = await attacker.GetAsync("/organisations/membership");
        Assert.Contains("รอการพิจารณา", status);

        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync("/agency/challenges")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/agency/challenges/{evaluating.Id}/evaluation")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.GetAsync("/organisations/members")).Status);
        using var award = await attacker.PostFormAsync($"/agency/challenges/{evaluating.Id}/evaluation", new Dictionary<string, string>
        {
            ["AwardForm.Rows[0].ProposalId"] = Id(proposal.Id),
            ["AwardForm.Rows[0].Chosen"] = "true",
            ["AwardForm.Rows[0].ContractValueBaht"] = "99,999,999",
        }, $"/agency/challenges/{evaluating.Id}/evaluation?handler=Award");
        Assert.Equal(HttpStatusCode.Forbidden, award.StatusCode);
        Assert.Equal(ChallengeState.Evaluating, await Db(db => db.Challenges.Where(c => c.Id == evaluating.Id).Select(c => c.State).SingleAsync()));

        // DGA's organisation admin sees the request on the members page and approves it.
        using var admin = Visitor.For(factory);
        await admin.SignInAsync(DgaAdmin);
        var (_, members) = await admin.GetAsync("/organisations/members");
        Assert.Contains("someone@dga.or.th", members);
        var requestId = await Db(db => db.MembershipRequests.Where(r => r.OrganisationId == dga.Id && r.State == MembershipRequestState.Pending)
            .Join(db.Users.Where(u => u.Email == "someone@dga.or.th"), r => r.UserId, u => u.Id, (r, _) => r.Id).SingleAsync());
        using var approved = await admin.PostFormAsync("/organisations/members", new Dictionary<string, string>
        { ["Decision.RequestId"] = Id(requestId), ["Decision.Approve"] = "true" }, "/organisations/members?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var (mine, html) = await attacker.GetAsync("/agency/challenges");
        Assert.Equal(HttpStatusCode.OK, mine);
        Assert.Contains(dga.NameTh, html);
    }

    [Fact]
    public async Task A_moderator_refuses_a_request_and_the_person_reads_the_reason_on_their_membership_page()
    {
        using var stranger = Visitor.For(factory);
        var dga = await Db(db => db.Organisations.SingleAsync(o => o.Slug == "dga"));
        await stranger.RegisterConfirmedAsync(factory, new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency",
            ["Input.Language"] = "th",
            ["Input.DisplayName"] = "ผู้ขอ",
            ["Input.Email"] = "applicant@dga.or.th",
            ["Input.Password"] = "correct-horse-9",
            ["Input.JoinOrganisationId"] = Id(dga.Id),
        }, "/account/register?type=Agency");
        var requestId = await Db(db => db.MembershipRequests.Join(db.Users.Where(u => u.Email == "applicant@dga.or.th"), r => r.UserId, u => u.Id, (r, _) => r.Id).SingleAsync());
        using var approver = Visitor.For(factory);
        await approver.SignInAsync("moderator@demo.govtech.example");

        using var refused = await approver.PostFormAsync("/moderation/memberships", new Dictionary<string, string>
        { ["Decision.RequestId"] = Id(requestId), ["Decision.Approve"] = "false", ["Decision.Reason"] = "ไม่พบชื่อในทะเบียนเจ้าหน้าที่ของ สพร." });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var (_, status) = await stranger.GetAsync("/organisations/membership");
        Assert.Contains("ไม่พบชื่อในทะเบียนเจ้าหน้าที่ของ สพร.", status);
        Assert.Null(await Db(db => db.Users.Where(u => u.Email == "applicant@dga.or.th").Select(u => u.OrganisationId).SingleAsync()));
    }
}
