using System.Globalization;
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

    private static string InDays(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ChallengeFields(string title, int proposalsInDays, params int[] weights)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Challenge.TitleTh"] = title,
            ["Input.Challenge.ProblemTh"] = "ประชาชนต้องกรอกแบบฟอร์มกระดาษซ้ำหลายครั้ง",
            ["Input.Challenge.OutcomesTh"] = "กรอกครั้งเดียวทางออนไลน์",
            ["Input.Challenge.Sector"] = "GovTech",
            ["Input.Challenge.Category"] = "1",
            ["Input.Challenge.BudgetMinBaht"] = "100,000",
            ["Input.Challenge.BudgetMaxBaht"] = "200,000",
            ["Input.Challenge.QuestionsDeadline"] = InDays(proposalsInDays - 3),
            ["Input.Challenge.ProposalsDeadline"] = InDays(proposalsInDays),
            ["Input.Challenge.ContactEmail"] = "contact@dga.or.th",
            ["Input.Challenge.VerifiedOnly"] = "true",
        };
        for (var i = 0; i < weights.Length; i++)
        {
            fields[$"Input.Challenge.Criteria[{i}].NameTh"] = $"เกณฑ์ {i + 1}";
            fields[$"Input.Challenge.Criteria[{i}].Weight"] = $"{weights[i]}";
        }
        return fields;
    }

    /// <summary>Posts the new-challenge form and returns the id the site redirected to.</summary>
    private static async Task<int> CreateDraftAsync(Visitor buyer, Dictionary<string, string> fields)
    {
        using var response = await buyer.PostFormAsync("/agency/challenges/edit", fields, "/agency/challenges/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SubmitAsync(Visitor buyer, int id) =>
        buyer.PostFormAsync($"/agency/challenges/edit/{id}", new Dictionary<string, string>(), $"/agency/challenges/edit/{id}?handler=Submit");

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
            ["Input.ListingId"] = $"{listing}",
            ["Input.Approach"] = "แนวทางทดสอบ",
            ["Input.PriceBaht"] = "100000",
            ["Input.TimelineDays"] = "30",
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
        await other.RegisterConfirmedAsync(factory, new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency",
            ["Input.Language"] = "th",
            ["Input.DisplayName"] = "สมชาย หน่วยงานอื่น",
            ["Input.Email"] = email,
            ["Input.Password"] = "another-agency-9",
            ["Input.NameTh"] = "สำนักงานทดสอบอื่น",
            ["Input.NameEn"] = "Other Test Office",
            ["Input.ProvinceCode"] = "TH-50",
            ["Input.ContactEmail"] = email,
        }, "/account/register?type=Agency");
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
            ["Score.ProposalId"] = $"{proposal}",
            ["Score.Values"] = "10",
        }, $"{room}?handler=Score");
        Assert.Equal(HttpStatusCode.Forbidden, scored.StatusCode);

        Assert.Equal(refusals + 2, await RefusalsOfAsync(email));
        Assert.False(await Db(db => db.ProposalScores.AnyAsync(s => s.ProposalId == proposal && s.EvaluatorUserId == db.Users.Single(u => u.Email == email).Id)));
    }

    [Fact]
    public async Task A_window_under_14_days_is_refused_and_one_under_28_days_is_submitted_with_a_warning()
    {
        using var buyer = await SignedInAsync(Buyer);
        var (_, form) = await buyer.GetAsync("/agency/challenges/edit");
        Assert.Contains("action=\"/agency/challenges/edit?handler=Save\"", form);
        var id = await CreateDraftAsync(buyer, ChallengeFields("โจทย์ระยะสั้น " + Guid.NewGuid().ToString("N")[..6], 10, 60, 40));
        var stored = await Db(db => db.Challenges.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(InDays(10), stored.ProposalsDeadline.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        using (var refused = await SubmitAsync(buyer, id))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"error-summary\"", html);
            Assert.Contains("ต้องไม่น้อยกว่า 14 วัน", html);
            Assert.Contains($"value=\"{InDays(10)}\"", html);
        }

        var fields = ChallengeFields(stored.Content.TitleTh, 20, 60, 40);
        using (var saved = await buyer.PostFormAsync($"/agency/challenges/edit/{id}", fields, $"/agency/challenges/edit/{id}?handler=Save"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var submitted = await SubmitAsync(buyer, id))
            Assert.Equal("/agency/challenges", submitted.Headers.Location?.OriginalString);
        var (_, dashboard) = await buyer.GetAsync("/agency/challenges");
        Assert.Contains("data-testid=\"challenge-warning\"", dashboard);
        Assert.Contains("สั้นกว่า 28 วันที่แนะนำ", dashboard);
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_to_100_are_shown_at_the_criteria_and_nothing_is_saved()
    {
        using var buyer = await SignedInAsync(Buyer);
        var before = await Db(db => db.Challenges.CountAsync());

        using var response = await buyer.PostFormAsync("/agency/challenges/edit", ChallengeFields("น้ำหนักไม่ครบ", 40, 50, 30), "/agency/challenges/edit?handler=Save");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Challenge_Criteria\"", html);
        Assert.Contains("id=\"Input_Challenge_Criteria\"", html);
        Assert.Contains("(ตอนนี้ 80)", html);
        Assert.Equal(before, await Db(db => db.Challenges.CountAsync()));
    }

    [Fact]
    public async Task A_vendor_saves_an_alert_sees_it_and_removes_it_and_an_empty_alert_is_refused()
    {
        using var vendor = await SignedInAsync(Vendor);

        using (var empty = await vendor.PostFormAsync("/vendor/alerts", new Dictionary<string, string> { ["Input.Keywords"] = " " }, "/vendor/alerts?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("href=\"#Input_Keywords\"", await empty.Content.ReadAsStringAsync());
        }
        using (var saved = await vendor.PostFormAsync("/vendor/alerts",
            new Dictionary<string, string> { ["Input.Categories"] = "3", ["Input.Provinces"] = "TH-40", ["Input.Keywords"] = "อสม. เยี่ยมบ้าน" }, "/vendor/alerts?handler=Save"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var alert = await Db(db => db.SavedAlerts.AsNoTracking().OrderBy(a => a.Id).LastAsync());
        var (_, page) = await vendor.GetAsync("/vendor/alerts");
        Assert.Contains("อสม. เยี่ยมบ้าน", page);
        Assert.Contains("ขอนแก่น", page);

        using (var removed = await vendor.PostFormAsync("/vendor/alerts", new Dictionary<string, string> { ["alertId"] = $"{alert.Id}" }, "/vendor/alerts?handler=Remove"))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await Db(db => db.SavedAlerts.AnyAsync(a => a.Id == alert.Id)));
    }

    [Fact]
    public async Task In_the_evaluation_room_each_refusal_points_at_the_field_to_fix_and_changes_nothing()
    {
        var challenge = await EvaluatingAsync();
        var room = $"/agency/challenges/{challenge.Id}/evaluation";
        var proposals = await Db(db => db.Proposals.Where(p => p.ChallengeId == challenge.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        // The seed data's buyer chairs this panel and has already declared no conflict; a second declaration is refused.
        using var buyer = await SignedInAsync(Buyer);
        Assert.Contains("การประกาศแก้ไขไม่ได้", await RefusedAsync("Declare", new() { ["Declaration.Conflict"] = "false" }));

        async Task<string> RefusedAsync(string handler, Dictionary<string, string> fields)
        {
            using var response = await buyer.PostFormAsync(room, fields, $"{room}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("href=\"#Score_Scores\"", await RefusedAsync("Score", new() { ["Score.ProposalId"] = $"{proposals[0]}", ["Score.Values"] = "abc" }));
        Assert.Contains("href=\"#AwardForm_Winners\"", await RefusedAsync("Award", new()
        {
            ["AwardForm.Rows[0].ProposalId"] = $"{proposals[0]}",
            ["AwardForm.Rows[0].ContractValueBaht"] = "100000",
            ["AwardForm.ContractDate"] = InDays(0),
            ["AwardForm.FeedbackToOthers"] = "ขอบคุณ",
        }));
        var badValue = await RefusedAsync("Award", new()
        {
            ["AwardForm.Rows[0].ProposalId"] = $"{proposals[0]}",
            ["AwardForm.Rows[1].ProposalId"] = $"{proposals[1]}",
            ["AwardForm.Rows[1].Chosen"] = "true",
            ["AwardForm.Rows[1].ContractValueBaht"] = "ไม่ทราบ",
            ["AwardForm.ContractDate"] = InDays(0),
            ["AwardForm.FeedbackToOthers"] = "ขอบคุณ",
        });
        Assert.Contains("href=\"#AwardForm_Rows_1__ContractValueBaht\"", badValue);
        var doubled = await RefusedAsync("ConfirmAward", new()
        {
            ["AwardForm.Rows[0].ProposalId"] = $"{proposals[0]}",
            ["AwardForm.Rows[0].Chosen"] = "true",
            ["AwardForm.Rows[0].ContractValueBaht"] = "100000",
            ["AwardForm.Rows[1].ProposalId"] = $"{proposals[0]}",
            ["AwardForm.Rows[1].Chosen"] = "true",
            ["AwardForm.Rows[1].ContractValueBaht"] = "100000",
            ["AwardForm.ContractDate"] = InDays(0),
            ["AwardForm.FeedbackToOthers"] = "ขอบคุณ",
        });
        Assert.Contains("เลือกแต่ละข้อเสนอได้ครั้งเดียว", doubled);
        var foreign = await RefusedAsync("ConfirmAward", new()
        {
            ["AwardForm.Rows[0].ProposalId"] = "999999",
            ["AwardForm.Rows[0].Chosen"] = "true",
            ["AwardForm.Rows[0].ContractValueBaht"] = "100000",
            ["AwardForm.ContractDate"] = InDays(0),
            ["AwardForm.FeedbackToOthers"] = "ขอบคุณ",
        });
        Assert.Contains("ข้อเสนอที่เลือกไม่ได้อยู่ในโจทย์นี้", foreign);
        Assert.Contains("id=\"AwardForm_Rows_1__ContractValueBaht-error\"", badValue);
        Assert.Equal(ChallengeState.Evaluating, (await EvaluatingAsync()).State);
    }
}
