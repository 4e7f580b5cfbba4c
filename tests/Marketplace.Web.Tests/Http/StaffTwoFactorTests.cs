using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>With Marketplace:Security:RequireStaffTwoFactor on (the default outside Development), staff must enrol first.</summary>
public sealed partial class StaffTwoFactorTests(StaffTwoFactorFactory factory) : IClassFixture<StaffTwoFactorFactory>
{
    [Fact]
    public async Task A_moderator_without_two_factor_is_sent_to_enrol_and_moderates_once_enrolled()
    {
        using var moderator = Visitor.For(factory);
        await moderator.SignInAsync("moderator@demo.govtech.example");

        foreach (var page in new[] { "/moderation", "/moderation/audit", "/" })
        {
            using var response = await moderator.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor", response.Headers.Location?.OriginalString);
        }
        var (_, setup) = await moderator.GetAsync("/account/two-factor");
        Assert.Contains("data-testid=\"staff-must-enrol\"", setup);
        var key = SharedKey().Match(setup).Groups[1].Value;
        using (var enabled = await moderator.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
            Assert.Contains("data-testid=\"recovery-codes\"", await enabled.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation")).Status);
    }

    [Fact]
    public async Task A_vendor_is_not_asked_to_enrol()
    {
        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync("vendor@demo.govtech.example");
        Assert.Equal(HttpStatusCode.OK, (await vendor.GetAsync("/vendor/listings")).Status);
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();
}
