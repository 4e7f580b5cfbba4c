using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

public sealed class ShellBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_reads_in_Thai_then_in_English_after_the_switch()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("th", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("ที่ที่ภาครัฐไทยพบกับสตาร์ทอัพ", await page.InnerTextAsync("h1"));
        await page.CheckAsync(fixture, "home-th");

        await page.ClickAsync("[data-testid=language-switch]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Contains("Where Thailand's public sector meets its startups", await page.InnerTextAsync("h1"));
        await page.CheckAsync(fixture, "home-en");
    }

    [Theory]
    [InlineData("vendor@demo.govtech.example", "nav-organisation")]
    [InlineData("buyer@demo.govtech.example", "nav-organisation")]
    [InlineData("moderator@demo.govtech.example", "nav-moderation")]
    [InlineData("admin@demo.govtech.example", "nav-moderation")]
    public async Task Each_demo_role_signs_in_and_sees_its_own_navigation(string email, string navigation)
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(email);

        await page.OpenMenuAsync();
        Assert.Equal(email, await page.InnerTextAsync("[data-testid=signed-in-as]"));
        Assert.True(await page.IsVisibleAsync($"[data-testid={navigation}]"));
        await page.ClickAsync($"[data-testid={navigation}]");
        await page.CheckAsync(fixture, "signed-in-" + email.Split('@')[0]);
    }

    [Fact]
    public async Task A_registration_with_a_wrong_juristic_number_shows_the_error_summary_linked_to_the_field()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#Input_DisplayName", "ทดสอบ เบราว์เซอร์");
        await page.FillAsync("#Input_Email", "browser@webtest.example");
        await page.FillAsync("#Input_Password", "correct-horse-9");
        await page.FillAsync("#Input_NameTh", "บริษัท เบราว์เซอร์ จำกัด");
        await page.FillAsync("#Input_NameEn", "Browser Co");
        await page.FillAsync("#Input_JuristicNumber", "1234567890123");
        await page.SelectOptionAsync("#Input_ProvinceCode", "TH-50");
        await page.FillAsync("#Input_ContactEmail", "browser@webtest.example");
        await page.ClickAsync("[data-testid=register-form] button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=error-summary]");
        Assert.Contains("เลขทะเบียนนิติบุคคลไม่ถูกต้อง", await page.InnerTextAsync("#Input_JuristicNumber-error"));
        await page.CheckAsync(fixture, "register-error");
    }
}
