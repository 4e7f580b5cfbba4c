using System.Text.RegularExpressions;
using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Membership;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Organisations;

public sealed partial class MembershipTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    /// <summary>DGA's organisation admin in the seed data, and an ordinary member of DGA.</summary>
    private const string DgaAdmin = DemoAccounts.Buyer;
    private const string DgaMember = "procurement@dga.agency.example";

    private Task<Organisation> DgaAsync() => app.QueryDbAsync(db => db.Organisations.SingleAsync(o => o.Slug == "dga"));

    private Task<AppUser> UserAsync(string email) => app.QueryDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>Registers someone at DGA's own domain who asks to join DGA: the attack in issue 8.</summary>
    private async Task<int> AskToJoinDgaAsync(string localPart)
    {
        app.AsAnonymous();
        var dga = await DgaAsync();
        var result = await app.SendAsync(new RegisterAccount.Command
        {
            AccountType = AccountType.Agency,
            DisplayName = "ผู้ขอ " + localPart,
            Email = $"{localPart}@{Organisation.WebsiteDomain(dga.Website)}",
            Password = "correct-horse-9",
            AcceptPrivacy = true,
            JoinOrganisationId = dga.Id,
        });
        return result.MembershipRequestId!.Value;
    }

    /// <summary>An account that belongs to no organisation and has asked for nothing.</summary>
    private async Task CreatePersonAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Invitee" }, "correct-horse-9");
        Assert.True(created.Succeeded);
    }

    private async Task<string> InvitationTokenSentToAsync(string email)
    {
        var body = (await app.MailsToAsync(email)).Last().Body;
        return TokenInLink().Match(body).Groups[1].Value;
    }

    [Fact]
    public async Task The_organisation_admin_approves_a_request_and_the_person_becomes_a_buyer_of_the_agency()
    {
        var requestId = await AskToJoinDgaAsync("approved-by-admin");
        await app.AsUserAsync(DgaAdmin);

        await app.SendAsync(new DecideMembershipRequest.Command { RequestId = requestId, Approve = true });

        var dga = await DgaAsync();
        var person = await UserAsync($"approved-by-admin@{Organisation.WebsiteDomain(dga.Website)}");
        Assert.Equal(dga.Id, person.OrganisationId);
        Assert.False(person.IsOrganisationAdmin);
        var request = await app.QueryDbAsync(db => db.MembershipRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(MembershipRequestState.Approved, request.State);
        Assert.True(await app.QueryDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == person.Id && n.Link == "/organisations/membership")));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Action == "DecideMembershipRequest" && a.EntityId == requestId.ToString() && a.UserName == DgaAdmin && !a.Refused);
    }

    [Fact]
    public async Task A_moderator_refuses_a_request_with_a_reason_the_person_sees_and_nothing_is_granted()
    {
        var requestId = await AskToJoinDgaAsync("refused-by-nia");
        await app.AsUserAsync(DemoAccounts.Moderator);

        await app.SendAsync(new DecideMembershipRequest.Command { RequestId = requestId, Approve = false, Reason = "ไม่พบชื่อในทะเบียนเจ้าหน้าที่" });

        var dga = await DgaAsync();
        var email = $"refused-by-nia@{Organisation.WebsiteDomain(dga.Website)}";
        Assert.Null((await UserAsync(email)).OrganisationId);
        await app.AsUserAsync(email);
        var mine = await app.SendAsync(new MyMembership.Query());
        var shown = Assert.Single(mine.Requests);
        Assert.Equal((MembershipRequestState.Refused, "ไม่พบชื่อในทะเบียนเจ้าหน้าที่"), (shown.State, shown.RefusalReason));
        Assert.Null(mine.OrganisationId);
    }

    [Fact]
    public async Task Refusing_without_a_reason_is_sent_back_with_a_message_on_the_reason()
    {
        var requestId = await AskToJoinDgaAsync("no-reason");
        await app.AsUserAsync(DgaAdmin);
        using var _ = new EnglishCulture();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            app.SendAsync(new DecideMembershipRequest.Command { RequestId = requestId, Approve = false }));

        Assert.Equal(nameof(DecideMembershipRequest.Command.Reason), Assert.Single(refused.Errors).Field);
        Assert.Equal(MembershipRequestState.Pending, (await app.QueryDbAsync(db => db.MembershipRequests.SingleAsync(r => r.Id == requestId))).State);
    }

    [Theory]
    [InlineData(DgaMember)]
    [InlineData(DemoAccounts.Vendor)]
    public async Task A_member_without_the_admin_right_or_another_organisations_admin_cannot_decide(string who)
    {
        var requestId = await AskToJoinDgaAsync("decided-by-wrong-person-" + who.Split('@')[0]);
        await app.AsUserAsync(who);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new DecideMembershipRequest.Command { RequestId = requestId, Approve = true }));

        Assert.Equal(MembershipRequestState.Pending, (await app.QueryDbAsync(db => db.MembershipRequests.SingleAsync(r => r.Id == requestId))).State);
        Assert.Contains(await app.AuditRowsAsync(), a => a.Refused && a.Action == "DecideMembershipRequest" && a.UserName == who);
    }

    [Fact]
    public async Task A_person_waits_for_one_organisation_at_a_time()
    {
        await AskToJoinDgaAsync("twice");
        var dga = await DgaAsync();
        await app.AsUserAsync($"twice@{Organisation.WebsiteDomain(dga.Website)}");
        var other = await app.QueryDbAsync(db => db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Agency && o.Id != dga.Id));

        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RequestMembership.Command { OrganisationId = other.Id }));
    }

    [Fact]
    public async Task An_invitation_works_once_for_the_invited_address_only()
    {
        using var english = new EnglishCulture();
        await CreatePersonAsync("invitee@partner.example");
        await CreatePersonAsync("interloper@partner.example");
        var dga = await DgaAsync();
        await app.AsUserAsync(DgaAdmin);
        await app.SendAsync(new InviteMember.Command { OrganisationId = dga.Id, Email = "Invitee@Partner.example" });
        var token = await InvitationTokenSentToAsync("Invitee@Partner.example");
        Assert.DoesNotContain(token, await app.QueryDbAsync(db => db.MembershipInvitations.Select(i => i.TokenHash).ToListAsync()));

        await app.AsUserAsync("interloper@partner.example");
        var wrongPerson = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AcceptInvitation.Command { Token = token }));
        Assert.Contains("another e-mail address", wrongPerson.Message);
        Assert.Null((await UserAsync("interloper@partner.example")).OrganisationId);

        await app.AsUserAsync("invitee@partner.example");
        await app.SendAsync(new AcceptInvitation.Command { Token = token });
        var invitee = await UserAsync("invitee@partner.example");
        Assert.Equal(dga.Id, invitee.OrganisationId);
        Assert.Contains(await app.QueryDbAsync(db => (from ur in db.UserRoles
                                                      join r in db.Roles on ur.RoleId equals r.Id
                                                      where ur.UserId == invitee.Id
                                                      select r.Name).ToListAsync()), r => r == Roles.Buyer);

        var reused = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AcceptInvitation.Command { Token = token }));
        Assert.Contains("already been used", reused.Message);
        Assert.True((await app.SendAsync(new AcceptInvitation.Query(token)))!.Used);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_says_to_ask_for_a_new_one()
    {
        using var english = new EnglishCulture();
        await CreatePersonAsync("late@partner.example");
        var dga = await DgaAsync();
        await app.AsUserAsync(DgaAdmin);
        await app.SendAsync(new InviteMember.Command { OrganisationId = dga.Id, Email = "late@partner.example" });
        var token = await InvitationTokenSentToAsync("late@partner.example");
        app.Clock.Advance(MembershipInvitation.Lifetime + TimeSpan.FromMinutes(1));

        await app.AsUserAsync("late@partner.example");
        var expired = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AcceptInvitation.Command { Token = token }));

        Assert.Contains("has expired", expired.Message);
        Assert.Null((await UserAsync("late@partner.example")).OrganisationId);
        Assert.False((await app.SendAsync(new AcceptInvitation.Query(token)))!.Open);
    }

    [Fact]
    public async Task Only_the_organisations_admin_may_invite()
    {
        var dga = await DgaAsync();
        await app.AsUserAsync(DgaMember);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new InviteMember.Command { OrganisationId = dga.Id, Email = "friend@partner.example" }));

        Assert.False(await app.QueryDbAsync(db => db.OutboxEmails.AnyAsync(e => e.To == "friend@partner.example")));
    }

    [Fact]
    public async Task The_admin_removes_a_member_who_loses_the_organisation_and_its_role_but_the_last_admin_stays()
    {
        using var english = new EnglishCulture();
        var requestId = await AskToJoinDgaAsync("to-be-removed");
        await app.AsUserAsync(DgaAdmin);
        await app.SendAsync(new DecideMembershipRequest.Command { RequestId = requestId, Approve = true });
        var dga = await DgaAsync();
        var member = await UserAsync($"to-be-removed@{Organisation.WebsiteDomain(dga.Website)}");

        await app.SendAsync(new RemoveMember.Command { OrganisationId = dga.Id, UserId = member.Id });

        var removed = await UserAsync(member.Email!);
        Assert.Null(removed.OrganisationId);
        Assert.NotEqual(member.SecurityStamp, removed.SecurityStamp);
        Assert.False(await app.QueryDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == member.Id)));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Action == "RemoveMember" && a.EntityId == member.Id);

        var admin = await UserAsync(DgaAdmin);
        var lastAdmin = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RemoveMember.Command { OrganisationId = dga.Id, UserId = admin.Id }));
        Assert.Contains("at least one admin", lastAdmin.Message);
        Assert.Equal(dga.Id, (await UserAsync(DgaAdmin)).OrganisationId);
    }

    [GeneratedRegex("token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();
}
