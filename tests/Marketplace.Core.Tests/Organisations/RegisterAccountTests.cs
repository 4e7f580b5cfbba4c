using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Organisations;

public sealed class RegisterAccountTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static RegisterAccount.Command Startup(string email, string juristic = "0105536000372") => new()
    {
        AccountType = AccountType.Startup,
        DisplayName = "สมชาย ใจดี",
        Email = email,
        Password = "correct-horse-9",
        AcceptPrivacy = true,
        NameTh = "บริษัท ทดสอบ จำกัด",
        NameEn = "Test Startup " + email,
        JuristicNumber = juristic,
        ProvinceCode = "TH-10",
        ContactEmail = email,
        Website = "https://test.example",
    };

    [Fact]
    public async Task Registering_a_startup_creates_a_pending_vendor_organisation_and_a_vendor_account_with_audit_rows()
    {
        app.AsAnonymous();
        var result = await app.SendAsync(Startup("founder@startup-one.example"));

        var organisation = await app.QueryDbAsync(db => db.Organisations.SingleAsync(o => o.Id == result.OrganisationId));
        Assert.Equal(OrganisationKind.Vendor, organisation.Kind);
        Assert.Equal(VerificationState.Pending, organisation.Verification);
        Assert.Equal("0105536000372", organisation.JuristicNumber);
        var roles = await app.QueryDbAsync(db => (from ur in db.UserRoles
                                                  join r in db.Roles on ur.RoleId equals r.Id
                                                  where ur.UserId == result.UserId
                                                  select r.Name).ToListAsync());
        Assert.Equal([Roles.Vendor], roles);
        var audit = await app.AuditRowsAsync();
        Assert.Contains(audit, a => a.Action == "RegisterAccount" && a.EntityType == nameof(Organisation) && a.EntityId == result.OrganisationId.ToString());
        Assert.Contains(audit, a => a.EntityType == nameof(AppUser) && a.EntityId == result.UserId);
    }

    [Fact]
    public async Task An_invalid_juristic_number_is_refused_with_a_message_on_its_field_and_nothing_is_saved()
    {
        app.AsAnonymous();
        using var _ = new EnglishCulture();
        var before = await app.QueryDbAsync(db => db.Organisations.CountAsync());

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(Startup("typo@startup-two.example", "0105536000375")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(RegisterAccount.Command.JuristicNumber), error.Field);
        Assert.Contains("check digit", error.Message);
        Assert.Equal(before, await app.QueryDbAsync(db => db.Organisations.CountAsync()));
        Assert.Null(await app.QueryDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == "typo@startup-two.example")));
    }

    [Fact]
    public async Task A_password_refused_by_the_policy_rolls_back_the_organisation_created_before_it()
    {
        app.AsAnonymous();
        var command = Startup("weak@startup-three.example", "0105562000023");
        command.Password = "short1";
        var before = await app.QueryDbAsync(db => db.Organisations.CountAsync());

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(command));

        Assert.Contains(refused.Errors, e => e.Field == nameof(RegisterAccount.Command.Password));
        Assert.Equal(before, await app.QueryDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_address_at_an_agencys_domain_only_asks_to_join_and_grants_no_organisation_until_approved()
    {
        app.AsAnonymous();
        var dga = await app.QueryDbAsync(db => db.Organisations.SingleAsync(o => o.Slug == "dga"));
        var host = Organisation.WebsiteDomain(dga.Website)!;

        var result = await app.SendAsync(new RegisterAccount.Command
        {
            AccountType = AccountType.Agency,
            DisplayName = "ผู้แอบอ้าง",
            Email = $"someone@{host}",
            Password = "correct-horse-9",
            AcceptPrivacy = true,
            JoinOrganisationId = dga.Id,
        });

        Assert.Null(result.OrganisationId);
        var user = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.Id == result.UserId));
        Assert.Null(user.OrganisationId);
        Assert.False(user.IsOrganisationAdmin);
        var request = await app.QueryDbAsync(db => db.MembershipRequests.SingleAsync(r => r.Id == result.MembershipRequestId));
        Assert.Equal((dga.Id, MembershipRequestState.Pending), (request.OrganisationId, request.State));
        // DGA's admin hears about it, in their own language.
        var admin = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.OrganisationId == dga.Id && u.IsOrganisationAdmin));
        Assert.True(await app.QueryDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == admin.Id && n.Link == "/organisations/members")));
    }

    [Fact]
    public async Task The_first_member_of_a_new_organisation_is_its_admin()
    {
        app.AsAnonymous();
        var result = await app.SendAsync(Startup("admin@startup-four.example", "0105564000012"));

        var user = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.Id == result.UserId));
        Assert.Equal(result.OrganisationId, user.OrganisationId);
        Assert.True(user.IsOrganisationAdmin);
    }

    [Fact]
    public async Task Registering_a_new_agency_creates_it_pending_with_the_buyer_role()
    {
        app.AsAnonymous();
        var result = await app.SendAsync(new RegisterAccount.Command
        {
            AccountType = AccountType.Agency,
            DisplayName = "นางสาวข้าราชการ",
            Email = "staff@newagency.go.th.example",
            Password = "correct-horse-9",
            AcceptPrivacy = true,
            NameTh = "สำนักงานทดสอบ",
            NameEn = "Office of Testing",
            ProvinceCode = "TH-50",
            ContactEmail = "saraban@newagency.go.th.example",
        });

        var organisation = await app.QueryDbAsync(db => db.Organisations.SingleAsync(o => o.Id == result.OrganisationId));
        Assert.Equal(OrganisationKind.Agency, organisation.Kind);
        Assert.Equal(VerificationState.Pending, organisation.Verification);
        Assert.Null(organisation.JuristicNumber);
    }
}
