using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The invitation link as people meet it: the invitee, someone else, a reused link, a broken one, an expired one.</summary>
public sealed class InvitationTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private async Task CreatePersonAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email }, "correct-horse-9")).Succeeded);
    }

    /// <summary>DGA's admin invites the address from the members page; returns the link's path and query from the e-mail.</summary>
    private async Task<string> InviteAsync(string email)
    {
        using var admin = Visitor.For(factory);
        await admin.SignInAsync("buyer@demo.govtech.example");
        var dga = await Db(db => db.Organisations.SingleAsync(o => o.Slug == "dga"));
        using var sent = await admin.PostFormAsync("/organisations/members", new Dictionary<string, string>
        { ["Invite.OrganisationId"] = dga.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Invite.Email"] = email }, "/organisations/members?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return await Mailbox.LinkAsync(factory, email, "/organisations/accept-invitation");
    }

    [Fact]
    public async Task The_invitee_joins_once_and_a_reused_or_broken_link_says_what_to_do()
    {
        await CreatePersonAsync("teammate@partner.example");
        await CreatePersonAsync("other@partner.example");
        var link = await InviteAsync("teammate@partner.example");

        using var anonymous = Visitor.For(factory);
        var (_, signInFirst) = await anonymous.GetAsync(link);
        Assert.Contains("data-testid=\"invitation-sign-in\"", signInFirst);

        using var other = Visitor.For(factory);
        await other.SignInAsync("other@partner.example", "correct-horse-9");
        using var wrongPerson = await other.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, wrongPerson.StatusCode);
        Assert.Contains("คำเชิญนี้ส่งถึงอีเมลอื่น", await wrongPerson.Content.ReadAsStringAsync());

        using var invitee = Visitor.For(factory);
        await invitee.SignInAsync("teammate@partner.example", "correct-horse-9");
        using var accepted = await invitee.PostFormAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("dga", await Db(db => db.Users.Where(u => u.Email == "teammate@partner.example").Select(u => u.Organisation!.Slug).SingleAsync()));
        var (_, membersPage) = await invitee.GetAsync("/organisations/members");
        Assert.Contains("teammate@partner.example", membersPage);

        var (_, reused) = await other.GetAsync(link);
        Assert.Contains("data-testid=\"invitation-used\"", reused);
        var (_, broken) = await other.GetAsync("/organisations/accept-invitation?token=not-a-token");
        Assert.Contains("data-testid=\"invitation-invalid\"", broken);
    }
}
