using System.Net;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

public sealed class FoundationTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private static Dictionary<string, string> StartupForm(string email, string juristic) => new()
    {
        ["Input.AccountType"] = "Startup",
        ["Input.Language"] = "th",
        ["Input.DisplayName"] = "ณัฐ ทดสอบ",
        ["Input.Email"] = email,
        ["Input.Password"] = "correct-horse-9",
        ["Input.NameTh"] = "บริษัท เว็บเทสต์ จำกัด",
        ["Input.NameEn"] = "Web Test Co " + email,
        ["Input.JuristicNumber"] = juristic,
        ["Input.ProvinceCode"] = "TH-10",
        ["Input.ContactEmail"] = email,
        ["Input.AcceptPrivacy"] = "true",
    };

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    [Fact]
    public async Task The_home_page_is_in_Thai_by_default_and_lists_the_six_categories()
    {
        using var visitor = Visitor.For(factory);
        var (status, html) = await visitor.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"th\">", html);
        Assert.Contains("ข้ามไปยังเนื้อหาหลัก", html);
        foreach (var category in NiaCategory.All)
            Assert.Contains(category.NameTh, html);
    }

    [Fact]
    public async Task The_language_switch_remembers_English()
    {
        using var visitor = Visitor.For(factory);
        await visitor.GetAsync("/");
        using var switched = await visitor.Http.PostAsync("/language?culture=en-US&returnUrl=%2F", null);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var (_, html) = await visitor.GetAsync("/");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Health data on mobile", html);
    }

    [Fact]
    public async Task Registering_a_startup_stores_a_pending_organisation_and_the_confirmed_founder_sees_it()
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.PostFormAsync("/account/register", StartupForm("web-founder@webtest.example", "0105563000035"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-email", response.Headers.Location?.OriginalString);
        var organisation = await Db(db => db.Organisations.SingleAsync(o => o.JuristicNumber == "0105563000035"));
        Assert.Equal(VerificationState.Pending, organisation.Verification);
        var (_, confirmed) = await visitor.GetAsync(await Mailbox.LinkAsync(factory, "web-founder@webtest.example", "/account/confirm-email"));
        Assert.Contains("data-testid=\"confirmed\"", confirmed);
        await visitor.SignInAsync("web-founder@webtest.example", "correct-horse-9");
        var (_, profile) = await visitor.GetAsync("/organisations/edit");
        Assert.Contains("รอตรวจสอบ", profile);
    }

    [Fact]
    public async Task An_invalid_juristic_number_shows_the_message_next_to_the_field_and_saves_nothing()
    {
        using var visitor = Visitor.For(factory);
        var before = await Db(db => db.Organisations.CountAsync());
        using var response = await visitor.PostFormAsync("/account/register", StartupForm("typo@webtest.example", "0105563000036"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_JuristicNumber-error\"", html);
        Assert.Contains("เลขทะเบียนนิติบุคคลไม่ถูกต้อง", html);
        Assert.Contains("href=\"#Input_JuristicNumber\"", html);
        Assert.Equal(before, await Db(db => db.Organisations.CountAsync()));
        Assert.False(await Db(db => db.Users.AnyAsync(u => u.Email == "typo@webtest.example")));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_saves_nothing()
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.PostAsync("/account/register", new FormUrlEncodedContent(StartupForm("csrf@webtest.example", "0105563000035")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await Db(db => db.Users.AnyAsync(u => u.Email == "csrf@webtest.example")));
    }

    [Fact]
    public async Task Signing_in_with_a_demo_account_shows_the_navigation_of_its_role()
    {
        using var visitor = Visitor.For(factory);
        await visitor.SignInAsync("moderator@demo.govtech.example");

        var (_, html) = await visitor.GetAsync("/");
        Assert.Contains("data-testid=\"nav-moderation\"", html);
        Assert.DoesNotContain("data-testid=\"nav-organisation\"", html);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.PostFormAsync("/account/login", new Dictionary<string, string>
        { ["Input.Email"] = "vendor@demo.govtech.example", ["Input.Password"] = "not-the-password-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_moderation_queue_gives_403_to_a_vendor_and_sends_an_anonymous_visitor_to_sign_in()
    {
        using var anonymous = Visitor.For(factory);
        using var redirected = await anonymous.Http.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/account/login", redirected.Headers.Location!.PathAndQuery);

        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync("vendor@demo.govtech.example");
        var (status, html) = await vendor.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("คุณไม่มีสิทธิ์เข้าถึงหน้านี้", html);
    }

    [Fact]
    public async Task A_moderator_sees_pending_organisations_and_verifies_one()
    {
        using var visitor = Visitor.For(factory);
        await visitor.SignInAsync("moderator@demo.govtech.example");
        var pendingId = await Db(db => db.Organisations.Where(o => o.Verification == VerificationState.Pending).OrderBy(o => o.CreatedAt).Select(o => o.Id).FirstAsync());

        var (_, queue) = await visitor.GetAsync("/moderation");
        Assert.Contains($"data-testid=\"verify-{pendingId}\"", queue);
        using var response = await visitor.PostFormAsync("/moderation", new Dictionary<string, string>
        { ["Decision.OrganisationId"] = pendingId.ToString(), ["Decision.Verify"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(VerificationState.Verified, await Db(db => db.Organisations.Where(o => o.Id == pendingId).Select(o => o.Verification).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_in_the_chosen_language()
    {
        using var visitor = Visitor.For(factory);
        var (status, html) = await visitor.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("ไม่พบหน้านี้", html);

        var (_, english) = await visitor.GetAsync("/no-such-page?culture=en-US");
        Assert.Contains("Page not found", english);
    }

    [Fact]
    public async Task Health_reports_the_database_as_json()
    {
        using var visitor = Visitor.For(factory);
        var (status, body) = await visitor.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("database").GetProperty("organisations").GetInt32() >= 37);
    }

    [Fact]
    public async Task A_moderator_reads_the_audit_trail_and_the_numbers_and_a_buyer_may_not()
    {
        using var moderator = Visitor.For(factory);
        await moderator.SignInAsync("moderator@demo.govtech.example");
        var (auditStatus, audit) = await moderator.GetAsync("/moderation/audit");
        var (numbersStatus, numbers) = await moderator.GetAsync("/moderation/numbers");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (auditStatus, numbersStatus));
        Assert.Contains("data-testid=\"audit-table\"", audit);
        Assert.Contains(NiaCategory.All[2].NameTh, numbers);

        using var buyer = Visitor.For(factory);
        await buyer.SignInAsync("buyer@demo.govtech.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/moderation/audit")).Status);
    }
}
