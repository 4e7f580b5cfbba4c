using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// The e-mails about an account and a membership are real messages like the others: headers, only absolute links, and
/// a footer that says why the person receives it. One of each kind, for a person who reads English.
/// </summary>
public sealed partial class AccountEmailTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    private const string Buyer = "buyer@demo.govtech.example";

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private async Task<MimeMessage> NewestAsync(string to, string subjectStart) =>
        (await Mailbox.MessagesToAsync(factory, to)).First(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true);

    private static void AssertFooter(MimeMessage mail, string why)
    {
        EmailTests.AssertRealMessage(mail);
        var text = mail.TextBody!;
        var footer = text[(text.LastIndexOf("\n-- \n", StringComparison.Ordinal) + 5)..];
        Assert.StartsWith(why, footer);
    }

    [Fact]
    public async Task Sign_up_membership_invitation_password_reset_and_two_factor_e_mails_say_why_and_link_absolutely()
    {
        var email = $"joiner-{Guid.NewGuid():N}"[..20] + "@partner.example";
        var dga = await Db(db => db.Organisations.Where(o => o.Slug == "dga").Select(o => o.Id).SingleAsync());
        using var joiner = Visitor.For(factory);
        await joiner.RegisterConfirmedAsync(factory, new Dictionary<string, string>
        {
            ["Input.AccountType"] = "Agency",
            ["Input.Language"] = "en",
            ["Input.DisplayName"] = "Joining Person",
            ["Input.Email"] = email,
            ["Input.Password"] = "correct-horse-9",
            ["Input.JoinOrganisationId"] = $"{dga}",
        }, "/account/register?type=Agency");
        AssertFooter(await NewestAsync(email, "Confirm your e-mail address"), "You receive this e-mail because someone entered this address");

        // Membership decision: DGA's admin approves the request.
        var requestId = await Db(db => db.MembershipRequests.Where(r => r.OrganisationId == dga && db.Users.Any(u => u.Id == r.UserId && u.Email == email))
            .Select(r => r.Id).SingleAsync());
        using var admin = Visitor.For(factory);
        await admin.SignInAsync(Buyer);
        using (var decided = await admin.PostFormAsync("/organisations/members",
                   new Dictionary<string, string> { ["Decision.RequestId"] = $"{requestId}", ["Decision.Approve"] = "true" }, "/organisations/members?handler=Decide"))
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        AssertFooter(await NewestAsync(email, "You are now a member of"), "You receive this e-mail because you have an account");

        // Invitation: the address may have no account, so the e-mail is in both languages, Thai first.
        var invitee = $"invitee-{Guid.NewGuid():N}"[..20] + "@partner.example";
        using (var invited = await admin.PostFormAsync("/organisations/members",
                   new Dictionary<string, string> { ["Invite.OrganisationId"] = $"{dga}", ["Invite.Email"] = invitee }, "/organisations/members?handler=Invite"))
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = await NewestAsync(invitee, "คำเชิญเข้าร่วม");
        AssertFooter(invitation, "คุณได้รับอีเมลนี้เพราะผู้ดูแลองค์กร");
        Assert.Contains("You receive this e-mail because an organisation admin", invitation.TextBody);

        // Password reset.
        using (var anonymous = Visitor.For(factory))
            (await anonymous.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email })).Dispose();
        AssertFooter(await NewestAsync(email, "Reset your password"), "You receive this e-mail because this address belongs to an account");

        // Two-factor sign-in turned on (signed in afresh: joining changed the person's roles, which ends older sessions).
        using var member = Visitor.For(factory);
        await member.SignInAsync(email, "correct-horse-9");
        var (_, setup) = await member.GetAsync("/account/two-factor");
        var key = SharedKey().Match(setup).Groups[1].Value;
        (await member.PostFormAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).Dispose();
        var notice = await NewestAsync(email, "A security change on your account");
        Assert.Contains("Two-factor sign-in was turned on.", notice.TextBody);
        AssertFooter(notice, "You receive this e-mail because this address belongs to an account");
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();
}
