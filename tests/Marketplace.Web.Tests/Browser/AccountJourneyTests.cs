using Marketplace.Web.Tests.Support;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>Issue 8 in a real browser under the strict Content-Security-Policy, with axe on every new page.</summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Register_confirm_through_the_emailed_link_and_sign_in()
    {
        const string email = "journey@webtest.example";
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#Input_DisplayName", "ผู้ใช้ เส้นทาง");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", "journey-horse-9");
        await page.FillAsync("#Input_NameTh", "บริษัท เส้นทาง จำกัด");
        await page.FillAsync("#Input_NameEn", "Journey Co");
        await page.FillAsync("#Input_JuristicNumber", "0105563000035");
        await page.SelectOptionAsync("#Input_ProvinceCode", "TH-50");
        await page.FillAsync("#Input_ContactEmail", email);
        await page.CheckAsync("#Input_AcceptPrivacy");
        await page.CheckAsync(fixture, "account-register");
        await page.ClickAsync("[data-testid=register-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-email]");
        await page.CheckAsync(fixture, "account-check-email");

        var link = await Mailbox.FullLinkAsync(fixture.Site, email, "/account/confirm-email");
        Assert.Equal(new Uri(fixture.BaseUrl).Authority, link.Authority);
        await page.GotoAsync(link.ToString());
        await page.WaitForSelectorAsync("[data-testid=confirmed]");
        await page.CheckAsync(fixture, "account-confirmed");

        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", "journey-horse-9");
        await page.ClickAsync("[data-testid=login-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=nav-organisation]", new() { State = WaitForSelectorState.Attached });
        await page.OpenMenuAsync();
        Assert.Equal(email, await page.InnerTextAsync("[data-testid=signed-in-as]"));

        await page.ClickAsync("[data-testid=nav-account]");
        await page.WaitForSelectorAsync("[data-testid=account-form]");
        await page.CheckAsync(fixture, "account-page");
        await page.ClickAsync("[data-testid=two-factor-link]");
        await page.WaitForSelectorAsync("[data-testid=qr]");
        // The QR code is a separate image request: wait for it to decode rather than for the <img> element alone.
        await page.WaitForFunctionAsync("() => { const qr = document.querySelector('[data-testid=qr]'); return qr.complete && qr.naturalWidth > 0; }");
        await page.CheckAsync(fixture, "account-two-factor");
        await page.GotoAsync("/privacy?culture=en-US");
        await page.CheckAsync(fixture, "privacy-en");
    }

    [Fact]
    public async Task The_forgotten_password_and_privacy_pages_pass_axe_in_Thai()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/forgot-password");
        await page.CheckAsync(fixture, "account-forgot-password");
        await page.FillAsync("#Input_Email", "someone@webtest.example");
        await page.ClickAsync("[data-testid=forgot-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=reset-sent]");
        await page.GotoAsync("/privacy");
        await page.CheckAsync(fixture, "privacy-th");
    }
}
