using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The challenge pages' refusals and privacy rules, over HTTP with the seeded challenges.</summary>
public sealed class ChallengeTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private const string Vendor = "vendor@demo.govtech.example";
    private const string PendingVendor = "pending-vendor@demo.govtech.example";
    private const string Buyer = "buyer@demo.govtech.example";

    /// <summary>Published by DGA, the demo buyer's agency, open for questions and proposals.</summary>
    private const string OpenChallenge = "dga-single-form-permits";

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private async Task<Visitor> SignedInAsync(string email)
    {
        var visitor = Visitor.For(factory);
        await visitor.SignInAsync(email);
        return visitor;
    }

    private Task<int> RefusalsOfAsync(string email) => Db(db => db.AuditEvents.CountAsync(a => a.Refused && a.UserName == email));

    /// <summary>DGA's challenge under evaluation, with proposals from three vendors.</summary>
    private Task<Challenge> EvaluatingAsync() =>
        Db(db => db.Challenges.AsNoTracking().SingleAsync(c => c.State == ChallengeState.Evaluating && c.Slug.StartsWith("dga")));

    [Fact]
    public async Task An_ineligible_vendor_is_told_why_before_any_form_and_a_posted_proposal_is_refused_and_audited()
    {
        using var vendor = await SignedInAsync(PendingVendor);
        var url = $"/challenges/{OpenChallenge}/proposal";

        var (status, html) = await vendor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"eligibility-problems\"", html);
        Assert.Contains("บริษัทของคุณยังไม่ได้รับการยืนยัน", html);
        Assert.Contains("ต้องมีโซลูชันที่เผยแพร่แล้วอย่างน้อยหนึ่งรายการ", html);
        Assert.DoesNotContain("data-testid=\"proposal-form\"", html);

        var refusals = await RefusalsOfAsync(PendingVendor);
        var listing = await Db(db => db.Listings.Where(l => l.Vendor!.Slug == "isan-edu-spark").Select(l => l.Id).FirstAsync());
        using var response = await vendor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.ListingId"] = $"{listing}", ["Input.Approach"] = "แนวทางทดสอบ", ["Input.PriceBaht"] = "100000", ["Input.TimelineDays"] = "30",
        }, $"{url}?handler=Send");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(refusals + 1, await RefusalsOfAsync(PendingVendor));
        Assert.False(await Db(db => db.Proposals.AnyAsync(p => p.Vendor!.Slug == "isan-edu-spark")));
    }

    [Fact]
    public async Task The_public_page_shows_questions_and_answers_but_never_who_asked()
    {
        var question = "ต้องรองรับการยื่นผ่าน LINE ด้วยหรือไม่ " + Guid.NewGuid().ToString("N")[..6];
        const string answer = "ไม่บังคับ แต่ต้องทำงานบนเว็บมือถือได้";
        using (var vendor = await SignedInAsync(Vendor))
        {
            using var asked = await vendor.PostFormAsync($"/challenges/{OpenChallenge}", new Dictionary<string, string> { ["Ask.Text"] = question },
                $"/challenges/{OpenChallenge}?handler=Ask");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        using var anonymous = Visitor.For(factory);
        Assert.DoesNotContain(question, (await anonymous.GetAsync($"/challenges/{OpenChallenge}")).Html);

        var questionId = await Db(db => db.ChallengeQuestions.Where(q => q.Text == question).Select(q => q.Id).SingleAsync());
        using (var buyer = await SignedInAsync(Buyer))
        {
            using var answered = await buyer.PostFormAsync($"/challenges/{OpenChallenge}",
                new Dictionary<string, string> { ["Answer.QuestionId"] = $"{questionId}", ["Answer.Text"] = answer }, $"/challenges/{OpenChallenge}?handler=Answer");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var (status, html) = await anonymous.GetAsync($"/challenges/{OpenChallenge}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(question, html);
        Assert.Contains(answer, html);
        var asker = await Db(db => db.Users.Where(u => u.Email == Vendor).Select(u => new { u.DisplayName, u.Organisation!.NameTh, u.Organisation.NameEn }).SingleAsync());
        Assert.DoesNotContain(asker.DisplayName, html);
        Assert.DoesNotContain(asker.NameTh, html);
        Assert.DoesNotContain(asker.NameEn, html);
        Assert.DoesNotContain(Vendor, html);
    }

    [Fact]
    public async Task A_vendor_cannot_open_or_act_in_an_agencys_evaluation_room()
    {
        var challenge = await EvaluatingAsync();
        using var vendor = await SignedInAsync(Vendor);
        var room = $"/agency/challenges/{challenge.Id}/evaluation";

        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.GetAsync(room)).Status);
        var (_, ownPage) = await vendor.GetAsync($"/challenges/{challenge.Slug}");
        Assert.DoesNotContain(room, ownPage);
    }

    [Fact]
    public async Task Another_agencys_buyer_can_neither_see_the_evaluation_room_nor_score_and_each_attempt_is_audited()
    {
        const string email = "procurement@other-agency.example";
        using var other = Visitor.For(factory);
        using (var registered = await other.PostFormAsync("/account/register?type=Agency", new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency", ["Input.Language"] = "th", ["Input.DisplayName"] = "สมชาย หน่วยงานอื่น", ["Input.Email"] = email,
            ["Input.Password"] = "another-agency-9", ["Input.NameTh"] = "สำนักงานทดสอบอื่น", ["Input.NameEn"] = "Other Test Office",
            ["Input.ProvinceCode"] = "TH-50", ["Input.ContactEmail"] = email,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/agency/challenges")).Status);

        var challenge = await EvaluatingAsync();
        var room = $"/agency/challenges/{challenge.Id}/evaluation";
        var proposal = await Db(db => db.Proposals.Where(p => p.ChallengeId == challenge.Id).Select(p => p.Id).FirstAsync());
        var refusals = await RefusalsOfAsync(email);

        var (status, html) = await other.GetAsync(room);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("data-testid=\"ranking\"", html);
        using var scored = await other.PostFormAsync("/agency/challenges", new Dictionary<string, string>
        {
            ["Score.ProposalId"] = $"{proposal}", ["Score.Values"] = "10",
        }, $"{room}?handler=Score");
        Assert.Equal(HttpStatusCode.Forbidden, scored.StatusCode);

        Assert.Equal(refusals + 2, await RefusalsOfAsync(email));
        Assert.False(await Db(db => db.ProposalScores.AnyAsync(s => s.ProposalId == proposal && s.EvaluatorUserId == db.Users.Single(u => u.Email == email).Id)));
    }
}
