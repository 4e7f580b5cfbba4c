using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>Issue 8 over HTTP: confirmation, the agency-domain attack, two-factor, enumeration, sessions, headers, cookies, hosts.</summary>
public sealed partial class AccountSecurityTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private static Dictionary<string, string> StartupForm(string email, string juristic) => new()
    {
        ["Input.AccountType"] = "Startup",
        ["Input.Language"] = "en",
        ["Input.DisplayName"] = "Two Factor Person",
        ["Input.Email"] = email,
        ["Input.Password"] = "correct-horse-9",
        ["Input.NameTh"] = "บริษัท สองชั้น จำกัด",
        ["Input.NameEn"] = "Two Step Co " + email,
        ["Input.JuristicNumber"] = juristic,
        ["Input.ProvinceCode"] = "TH-10",
        ["Input.ContactEmail"] = email,
    };

    [Fact]
    public async Task An_unconfirmed_stranger_at_an_agencys_domain_reaches_no_agency_page_or_action()
    {
        const string email = "someone@dga.or.th";
        var dga = await Db(db => db.Organisations.SingleAsync(o => o.Website == "https://www.dga.or.th"));
        var challenge = await Db(db => db.Challenges.AsNoTracking().FirstAsync(c => c.AgencyId == dga.Id && c.State == ChallengeState.Evaluating));
        var proposal = await Db(db => db.Proposals.Where(p => p.ChallengeId == challenge.Id).Select(p => p.Id).FirstAsync());
        using var stranger = Visitor.For(factory);
        using (var registered = await stranger.PostFormAsync("/account/register?type=Agency", new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency",
            ["Input.Language"] = "th",
            ["Input.DisplayName"] = "ผู้แอบอ้าง",
            ["Input.Email"] = email,
            ["Input.Password"] = "impostor-horse-9",
            ["Input.JoinOrganisationId"] = $"{dga.Id}",
            ["Input.AcceptPrivacy"] = "true",
        }))
        {
            Assert.Equal("/account/check-email", registered.Headers.Location?.OriginalString);
        }
        await stranger.SignInAsync(email, "impostor-horse-9");

        var room = $"/agency/challenges/{challenge.Id}/evaluation";
        foreach (var page in new[] { "/", "/agency/challenges", room, "/organisations/edit", $"/agency/challenges/edit?id={challenge.Id}" })
        {
            using var response = await stranger.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/confirm-email", response.Headers.Location?.OriginalString);
        }
        var (status, html) = await stranger.GetAsync("/account/confirm-email");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"resend\"", html);
        Assert.DoesNotContain("data-testid=\"nav-agency-challenges\"", html);
        using var award = await stranger.PostFormAsync("/account/confirm-email", new Dictionary<string, string>
        {
            ["AwardForm.Rows[0].ProposalId"] = $"{proposal}",
            ["AwardForm.Rows[0].Chosen"] = "true",
            ["AwardForm.Rows[0].ContractValueBaht"] = "99999999",
        }, $"{room}?handler=Award");
        Assert.NotEqual(HttpStatusCode.OK, award.StatusCode);
        Assert.Equal(ChallengeState.Evaluating, await Db(db => db.Challenges.Where(c => c.Id == challenge.Id).Select(c => c.State).SingleAsync()));
        Assert.False(await Db(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Two_factor_enrolment_then_sign_in_with_a_code_and_with_a_recovery_code_that_works_once()
    {
        const string email = "two-factor@webtest.example";
        using var person = Visitor.For(factory);
        await person.RegisterConfirmedAsync(factory, StartupForm(email, "0105562000023"));

        var (_, setup) = await person.GetAsync("/account/two-factor");
        var key = SharedKey().Match(setup).Groups[1].Value;
        using (var qr = await person.Http.GetAsync("/account/two-factor?handler=Qr"))
        {
            Assert.True(qr.StatusCode == HttpStatusCode.OK, $"{qr.StatusCode} {qr.Headers.Location} {setup.Length} {key}");
            Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await qr.Content.ReadAsByteArrayAsync())[..4]);
        }
        using var wrong = await person.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("id=\"Input_Code-error\"", await wrong.Content.ReadAsStringAsync());
        using var enabled = await person.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True(await Db(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        using var withCode = Visitor.For(factory);
        Assert.Equal("/account/login-2fa?returnUrl=%2F", (await PasswordStepAsync(withCode, email)).OriginalString);
        using (var verified = await withCode.PostFormAsync("/account/login-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
            Assert.Equal("/", verified.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/account")).Status);

        foreach (var (attempt, expected) in new[] { (1, "/"), (2, null) })
        {
            using var withRecovery = Visitor.For(factory);
            await PasswordStepAsync(withRecovery, email);
            using var recovered = await withRecovery.PostFormAsync("/account/login-2fa",
                new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, "/account/login-2fa?handler=Recovery");
            Assert.True(expected == recovered.Headers.Location?.OriginalString, $"attempt {attempt}");
        }
    }

    private static async Task<Uri> PasswordStepAsync(Visitor visitor, string email)
    {
        using var response = await visitor.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "correct-horse-9" });
        return response.Headers.Location!;
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_an_unknown_address_a_wrong_password_and_a_locked_account()
    {
        const string locked = "pending-vendor@demo.govtech.example";
        string Answer(string html) => ErrorSummary().Match(html).Value;
        async Task<string> AttemptAsync(string email)
        {
            using var visitor = Visitor.For(factory);
            using var response = await visitor.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Answer(await response.Content.ReadAsStringAsync());
        }

        var unknown = await AttemptAsync("nobody-here@webtest.example");
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", unknown);
        Assert.Equal(unknown, await AttemptAsync("vendor@demo.govtech.example"));
        for (var i = 0; i < 5; i++)
            await AttemptAsync(locked);
        Assert.True(await Db(db => db.Users.Where(u => u.Email == locked).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);
        Assert.Equal(unknown, await AttemptAsync(locked));
    }

    [Fact]
    public async Task Forgotten_password_and_registration_answer_the_same_for_known_and_unknown_addresses()
    {
        async Task<(HttpStatusCode, string?, string)> ForgotAsync(string email)
        {
            using var visitor = Visitor.For(factory);
            using var response = await visitor.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
            var (_, page) = await visitor.GetAsync(response.Headers.Location!.OriginalString);
            return (response.StatusCode, response.Headers.Location?.OriginalString, ResetSent().Match(page).Value);
        }
        var known = await ForgotAsync("buyer@demo.govtech.example");
        Assert.Equal("/account/forgot-password?sent=true", known.Item2);
        Assert.NotEmpty(known.Item3);
        Assert.Equal(known, await ForgotAsync("no-account@webtest.example"));

        async Task<string?> RegisterAsync(string email, string juristic)
        {
            using var visitor = Visitor.For(factory);
            using var response = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>(StartupForm(email, juristic)) { ["Input.AcceptPrivacy"] = "true" });
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("marketplace.auth", StringComparison.Ordinal)));
            return response.Headers.Location?.OriginalString;
        }
        Assert.Equal(await RegisterAsync("brand-new@webtest.example", "0105536000381"), await RegisterAsync("vendor@demo.govtech.example", "0105563000027"));
        Assert.Equal(1, await Db(db => db.Users.CountAsync(u => u.Email == "vendor@demo.govtech.example")));
    }

    [Fact]
    public async Task A_reset_link_from_the_email_file_sets_a_new_password()
    {
        const string email = "reset-me@webtest.example";
        using var person = Visitor.For(factory);
        await person.RegisterConfirmedAsync(factory, StartupForm(email, "0105536000372"));
        using var anonymous = Visitor.For(factory);
        (await anonymous.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email })).Dispose();
        var link = await Mailbox.LinkAsync(factory, email, "/account/reset-password");

        using var reset = await anonymous.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Email"] = Uri.UnescapeDataString(Regex.Match(link, "email=([^&]+)").Groups[1].Value),
            ["Input.Code"] = Uri.UnescapeDataString(Regex.Match(link, "code=([^&]+)").Groups[1].Value),
            ["Input.Password"] = "brand-new-pass-4",
        });
        Assert.Equal("/account/login?reset=true", reset.Headers.Location?.OriginalString);
        await anonymous.SignInAsync(email, "brand-new-pass-4");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form = null, string? cookie = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = form is null ? null : new FormUrlEncodedContent(form) };
            var header = cookie ?? string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));
            if (header.Length > 0)
                request.Headers.Add("Cookie", header);
            var response = await client.SendAsync(request);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
            return response;
        }
        async Task<string> TokenOfAsync(string url)
        {
            using var page = await SendAsync(HttpMethod.Get, url);
            return WebUtility.HtmlDecode(AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        }

        (await SendAsync(HttpMethod.Post, "/account/login", new()
        {
            ["Input.Email"] = "vendor-en@demo.govtech.example",
            ["Input.Password"] = Visitor.DemoPassword,
            ["__RequestVerificationToken"] = await TokenOfAsync("/account/login"),
        })).Dispose();
        var stolen = $"marketplace.auth={jar["marketplace.auth"]}";
        using (var before = await SendAsync(HttpMethod.Get, "/account", cookie: stolen))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var logout = await SendAsync(HttpMethod.Post, "/account/logout", new() { ["__RequestVerificationToken"] = await TokenOfAsync("/account") }))
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await SendAsync(HttpMethod.Get, "/account", cookie: stolen);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    private static async Task<(string Value, string Cookie)> TokenAsync(HttpClient raw)
    {
        using var page = await raw.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value), cookie);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/solutions?q=health")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/account/login")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Over_https_the_session_antiforgery_and_language_cookies_are_secure()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var (token, antiforgery) = await TokenAsync(client);
        using (var page = await client.GetAsync("/account/login"))
            Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        using (var language = await client.PostAsync("/language?culture=en-US&returnUrl=%2F", null))
            Assert.Contains("secure", language.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "vendor@demo.govtech.example",
                ["Input.Password"] = Visitor.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(signIn);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("marketplace.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/language?culture=en-US&returnUrl=%2F%5Cevil.example")]
    [InlineData("/language?culture=en-US&returnUrl=%2F%09%2Fevil.example")]
    [InlineData("/language?culture=en-US&returnUrl=%2F%2F%09evil.example")]
    [InlineData("/language?culture=en-US&returnUrl=https%3A%2F%2Fevil.example")]
    [InlineData("/language?returnUrl=%2F")]
    [InlineData("/language?culture=xx&returnUrl=%2F%2509%2Fevil")]
    public async Task The_language_switch_never_fails_and_never_leaves_the_site(string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync(url, null);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.OriginalString;
            Assert.True(location == "/" || (location.StartsWith('/') && location[1] is not ('/' or '\\') && !location.Any(char.IsControl)), location);
        }
    }

    [Fact]
    public async Task A_foreign_host_header_is_refused_and_a_forwarded_host_is_ignored()
    {
        using var client = factory.CreateClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/solutions?q=health");
        foreign.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/api/solutions?q=health");
        forwarded.Headers.Add("X-Forwarded-Host", "evil.example");
        using var response = await client.SendAsync(forwarded);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body);
        Assert.Contains("\"url\":\"http://localhost/solutions/", body);
    }

    [Fact]
    public async Task Download_my_data_is_a_json_file_of_the_signed_in_person()
    {
        using var visitor = Visitor.For(factory);
        await visitor.SignInAsync("buyer@demo.govtech.example");
        using var response = await visitor.Http.GetAsync("/account?handler=Data");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("buyer@demo.govtech.example", json.RootElement.GetProperty("account").GetProperty("email").GetString());
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex(@"<li>([a-z0-9]{5}-[a-z0-9]{5})</li>", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("<div class=\"alert alert-danger error-summary\"[\\s\\S]*?</div>")]
    private static partial Regex ErrorSummary();

    [GeneratedRegex("<div class=\"alert alert-success\" role=\"status\" data-testid=\"reset-sent\">[\\s\\S]*?</div>")]
    private static partial Regex ResetSent();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
