using System.Text.RegularExpressions;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Accounts;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Accounts;

/// <summary>Issue 8: confirmation, reset, e-mail change, data export and account closure through the mediator.</summary>
public sealed partial class AccountTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static RegisterAccount.Command Startup(string email, string juristic, string language = "th") => new()
    {
        AccountType = AccountType.Startup,
        DisplayName = "ผู้ก่อตั้ง ทดสอบ",
        Email = email,
        Password = "correct-horse-9",
        Language = language,
        NameTh = "บริษัท บัญชี จำกัด",
        NameEn = "Accounts Test " + email,
        JuristicNumber = juristic,
        ProvinceCode = "TH-10",
        ContactEmail = email,
        AcceptPrivacy = true,
    };

    private Task<List<Features.Messaging.RenderedEmail>> MailToAsync(string email) => app.MailsToAsync(email);

    /// <summary>The query-string values of the link in the newest e-mail to the address.</summary>
    private async Task<Dictionary<string, string>> LinkToAsync(string email, string path)
    {
        var body = (await MailToAsync(email)).Last(m => m.Body.Contains(path)).Body;
        var link = Regex.Match(body, Regex.Escape(path) + @"\?(\S+)").Groups[1].Value;
        return link.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
    }

    private async Task<int?> OrganisationOfAsync(string email)
    {
        await app.AsUserAsync(email);
        return await app.QueryDbAsync(db => db.OrganisationIdOf(app.User, CancellationToken.None));
    }

    [Fact]
    public async Task A_registered_person_belongs_to_no_organisation_until_the_emailed_link_confirms_the_address()
    {
        app.AsAnonymous();
        var result = await app.SendAsync(Startup("confirm-me@accounts.example", "0105563000035", language: "en"));

        Assert.Null(await OrganisationOfAsync("confirm-me@accounts.example"));
        var mail = Assert.Single(await MailToAsync("confirm-me@accounts.example"));
        Assert.StartsWith("Confirm your e-mail address", mail.Subject);
        var link = await LinkToAsync("confirm-me@accounts.example", "/account/confirm-email");

        app.AsAnonymous();
        Assert.False(await app.SendAsync(new ConfirmEmail.Command(link["userId"], link["code"] + "x")));
        Assert.Null(await OrganisationOfAsync("confirm-me@accounts.example"));
        app.AsAnonymous();
        Assert.True(await app.SendAsync(new ConfirmEmail.Command(link["userId"], link["code"])));
        Assert.Equal(result.OrganisationId, await OrganisationOfAsync("confirm-me@accounts.example"));
    }

    [Fact]
    public async Task Registration_stores_the_privacy_consent_and_is_refused_without_it()
    {
        app.AsAnonymous();
        var refusedCommand = Startup("no-consent@accounts.example", "0105562000023");
        refusedCommand.AcceptPrivacy = false;
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(refusedCommand));
        Assert.Contains(refused.Errors, e => e.Field == nameof(RegisterAccount.Command.AcceptPrivacy));
        Assert.False(await app.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == "no-consent@accounts.example")));

        await app.SendAsync(Startup("consent@accounts.example", "0105562000023"));
        var user = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.Email == "consent@accounts.example"));
        Assert.Equal(PrivacyNotice.Version, user.PrivacyConsentVersion);
        Assert.Equal(app.Clock.Now, user.PrivacyConsentedAt);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_creates_nothing_and_tells_the_owner_by_email()
    {
        app.AsAnonymous();
        var organisations = await app.QueryDbAsync(db => db.Organisations.CountAsync());
        var result = await app.SendAsync(Startup(DemoAccounts.Buyer, "0105536000372"));

        Assert.Null(result.UserId);
        Assert.Equal(organisations, await app.QueryDbAsync(db => db.Organisations.CountAsync()));
        Assert.Contains(await MailToAsync(DemoAccounts.Buyer), m => m.Body.Contains("/account/forgot-password"));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_lifts_a_lockout_and_works_only_once()
    {
        const string email = "locked@accounts.example";
        app.AsAnonymous();
        await app.SendAsync(Startup(email, "0105563000027"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            for (var i = 0; i < 5; i++)
                await users.AccessFailedAsync(user);
            Assert.True(await users.IsLockedOutAsync(user));
        }

        await app.SendAsync(new RequestPasswordReset.Command { Email = email });
        await app.SendAsync(new RequestPasswordReset.Command { Email = "nobody@accounts.example" });
        Assert.Contains(await MailToAsync("nobody@accounts.example"), m => m.Body.Contains("no account") || m.Body.Contains("ไม่มีบัญชี"));
        var link = await LinkToAsync(email, "/account/reset-password");
        var reset = new ResetPassword.Command { Email = link["email"], Code = link["code"], Password = "new-horse-battery-7" };
        await app.SendAsync(reset);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, "new-horse-battery-7"));
            Assert.True(user.EmailConfirmed);
        }
        var reused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(reset));
        Assert.Contains("ลิงก์", reused.Errors.Single().Message);
    }

    [Fact]
    public async Task A_new_address_takes_effect_only_through_its_link_and_the_old_address_is_told()
    {
        const string email = "mover@accounts.example";
        app.AsAnonymous();
        await app.SendAsync(Startup(email, "0105536000381"));
        await app.ConfirmEmailAsync(email);
        await app.AsUserAsync(email);

        await app.SendAsync(new ChangeEmail.Command { NewEmail = "moved@accounts.example", Password = "correct-horse-9" });
        Assert.True(await app.QueryDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var link = await LinkToAsync("moved@accounts.example", "/account/confirm-email-change");
        Assert.True(await app.SendAsync(new ConfirmEmailChange.Command(link["userId"], link["email"], link["code"])));

        var user = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.Id == link["userId"]));
        Assert.Equal(("moved@accounts.example", "moved@accounts.example", true), (user.Email, user.UserName, user.EmailConfirmed));
        Assert.Contains(await MailToAsync(email), m => m.Body.Contains("moved@accounts.example"));
        Assert.False(await app.SendAsync(new ConfirmEmailChange.Command(link["userId"], link["email"], link["code"])));
    }

    [Fact]
    public async Task Download_my_data_holds_the_account_its_consent_and_its_activity()
    {
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        await app.SendAsync(new UpdateAccount.Command { DisplayName = "Export Person", Language = "en" });

        var data = await app.SendAsync(new ExportMyData.Query());

        Assert.Equal((DemoAccounts.VendorEnglish, "Export Person", "en"), (data.Account.Email, data.Account.DisplayName, data.Account.Language));
        Assert.Contains(Roles.Vendor, data.Account.Roles);
        Assert.NotNull(data.Organisation);
        Assert.Contains(data.Activity, a => a.Action == "UpdateAccount");
    }

    [Fact]
    public async Task Closing_an_account_erases_the_person_and_leaves_audit_rows_and_proposals_under_a_pseudonym()
    {
        var proposal = await app.QueryDbAsync(db => db.Proposals.AsNoTracking().OrderBy(p => p.Id).FirstAsync());
        var closer = await app.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == proposal.SubmittedByUserId));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Sample people other than the demo accounts have no password: give this one a known password to confirm with.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(closer.Id))!;
            if (!await users.HasPasswordAsync(stored))
                await users.AddPasswordAsync(stored, "Demo#2026-Marketplace");
        }
        await app.AsUserAsync(closer.Email!);
        await app.SendAsync(new UpdateAccount.Command { DisplayName = closer.DisplayName, Language = closer.Language });
        var wrong = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(new CloseAccount.Command { Password = "not-my-password-1" }));
        Assert.Equal(nameof(CloseAccount.Command.Password), wrong.Errors.Single().Field);

        await app.SendAsync(new CloseAccount.Command { Password = "Demo#2026-Marketplace" });

        var user = await app.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == closer.Id));
        Assert.NotNull(user.ClosedAt);
        Assert.DoesNotContain(closer.Email!, user.Email);
        Assert.Equal((null, null, false), (user.PasswordHash, user.OrganisationId, user.EmailConfirmed));
        Assert.False(await app.QueryDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == closer.Id)));
        Assert.False(await app.QueryDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == closer.Id)));
        var audit = await app.AuditRowsAsync();
        Assert.DoesNotContain(audit, a => a.UserName == closer.Email || a.Summary.Contains(closer.Email!) || (a.SummaryTemplate ?? "").Contains(closer.Email!));
        Assert.Contains(audit, a => a.UserId == closer.Id && a.Action == "CloseAccount" && a.UserName == user.DisplayName);
        Assert.True(await app.QueryDbAsync(db => db.Proposals.AnyAsync(p => p.Id == proposal.Id && p.SubmittedByUserId == closer.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new ExportMyData.Query()));
    }
}
