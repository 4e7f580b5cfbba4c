using System.Net;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The site with one secret among its settings, to prove the settings page masks it.</summary>
public sealed class SiteWithASecret : MarketplaceFactory
{
    public const string Secret = "sk_test_do-not-show-me-4242";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", Secret);
    }
}

public sealed class AdminTests(SiteWithASecret factory) : IClassFixture<SiteWithASecret>
{
    private const string Admin = "admin@demo.govtech.example";

    public static TheoryData<string, string> AdminPagesForOtherRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/admin", "/admin/users", "/admin/organisations", "/admin/taxonomy", "/admin/settings", "/admin/search-index" })
            foreach (var who in new[] { "vendor@demo.govtech.example", "buyer@demo.govtech.example", "moderator@demo.govtech.example" })
                data.Add(page, who);
        return data;
    }

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private async Task<Visitor> AdminAsync()
    {
        var admin = Visitor.For(factory);
        await admin.SignInAsync(Admin);
        return admin;
    }

    [Theory]
    [MemberData(nameof(AdminPagesForOtherRoles))]
    public async Task Every_admin_page_is_forbidden_to_other_roles(string page, string who)
    {
        using var visitor = Visitor.For(factory);
        await visitor.SignInAsync(who);

        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync(page)).Status);
    }

    [Fact]
    public async Task Admin_pages_answer_the_admin_and_send_strangers_to_sign_in()
    {
        using var admin = await AdminAsync();
        foreach (var page in new[] { "/admin", "/admin/users", "/admin/organisations", "/admin/taxonomy", "/admin/settings", "/admin/search-index" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).Status);
        using var stranger = Visitor.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task Users_are_found_by_name_or_e_mail_with_their_roles_and_memberships()
    {
        using var admin = await AdminAsync();

        var (_, byEmail) = await admin.GetAsync("/admin/users?q=VENDOR-EN@demo");
        Assert.Contains("vendor-en@demo.govtech.example", byEmail);
        Assert.DoesNotContain("moderator@demo.govtech.example", byEmail);
        Assert.Contains(await Db(db => db.Organisations.Where(o => o.Slug == "lanna-geo-lab").Select(o => o.NameTh).SingleAsync()), byEmail);
        var (_, byName) = await admin.GetAsync("/admin/users?q=" + Uri.EscapeDataString("นันทนา"));
        Assert.Contains("moderator@demo.govtech.example", byName);
    }

    [Fact]
    public async Task Locking_an_account_stops_its_sign_in_until_it_is_unlocked_and_both_are_audited()
    {
        using var admin = await AdminAsync();
        var target = await Db(db => db.Users.SingleAsync(u => u.Email == "pending-vendor@demo.govtech.example"));

        using var locked = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = target.Id, ["locked"] = "true" }, "/admin/users?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        using var visitor = Visitor.For(factory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => visitor.SignInAsync(target.Email!));

        using var unlocked = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = target.Id, ["locked"] = "false" }, "/admin/users?handler=Lock");
        await visitor.SignInAsync(target.Email!);
        Assert.Equal(2, await Db(db => db.AuditEvents.CountAsync(a => a.Action == "ManageUser.Lock" && a.EntityId == target.Id && !a.Refused)));
    }

    [Fact]
    public async Task Roles_are_granted_and_revoked_but_the_last_admin_stays_an_admin()
    {
        using var admin = await AdminAsync();
        var vendor = await Db(db => db.Users.SingleAsync(u => u.Email == "vendor@demo.govtech.example"));
        var adminUser = await Db(db => db.Users.SingleAsync(u => u.Email == Admin));
        Task<bool> HasRole(string userId, string role) => Db(db => (from ur in db.UserRoles
                                                                    join r in db.Roles on ur.RoleId equals r.Id
                                                                    where ur.UserId == userId && r.Name == role
                                                                    select r).AnyAsync());

        using var granted = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = vendor.Id, ["role"] = Roles.Moderator, ["granted"] = "true" }, "/admin/users?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.True(await HasRole(vendor.Id, Roles.Moderator));
        await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = vendor.Id, ["role"] = Roles.Moderator, ["granted"] = "false" }, "/admin/users?handler=Role");
        Assert.False(await HasRole(vendor.Id, Roles.Moderator));

        using var lastAdmin = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = adminUser.Id, ["role"] = Roles.Admin, ["granted"] = "false" }, "/admin/users?handler=Role");
        Assert.Equal(HttpStatusCode.OK, lastAdmin.StatusCode);
        Assert.Contains("ต้องมีผู้ดูแลระบบอย่างน้อยหนึ่งคน", await lastAdmin.Content.ReadAsStringAsync());
        Assert.True(await HasRole(adminUser.Id, Roles.Admin));

        using var notStaff = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = vendor.Id, ["role"] = Roles.Buyer, ["granted"] = "true" }, "/admin/users?handler=Role");
        Assert.False(await HasRole(vendor.Id, Roles.Buyer));
    }

    [Fact]
    public async Task Resending_confirmation_writes_an_e_mail_with_a_working_identity_token()
    {
        using var admin = await AdminAsync();
        string userId;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var person = new AppUser { UserName = "unconfirmed@webtest.example", Email = "unconfirmed@webtest.example", DisplayName = "ยังไม่ยืนยัน" };
            Assert.True((await users.CreateAsync(person, "correct-horse-9")).Succeeded);
            userId = person.Id;
        }

        using var sent = await admin.PostFormAsync("/admin/users", new Dictionary<string, string> { ["userId"] = userId }, "/admin/users?handler=Resend");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = await Mailbox.LinkAsync(factory, "unconfirmed@webtest.example", "/account/confirm-email");
        Assert.Equal(userId, Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["userId"].ToString());
        // The page the person opens from the e-mail confirms the address.
        using var invited = Visitor.For(factory);
        var (status, _) = await invited.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await Db(db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task A_reworded_category_shows_on_the_home_page_and_a_blank_name_is_sent_back_with_a_message()
    {
        using var admin = await AdminAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Number"] = "3",
            ["Input.NameTh"] = "ข้อมูลสุขภาพในมือคุณ",
            ["Input.NameEn"] = "Health data in your hand",
            ["Input.DescriptionTh"] = "ประชาชนเข้าถึงข้อมูลสุขภาพของตนเอง",
            ["Input.DescriptionEn"] = "Citizens reach their own health data",
        };
        using var saved = await admin.PostFormAsync("/admin/taxonomy", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, home) = await Visitor.For(factory).GetAsync("/");
        Assert.Contains("ข้อมูลสุขภาพในมือคุณ", home);

        fields["Input.NameTh"] = "";
        using var blank = await admin.PostFormAsync("/admin/taxonomy", fields);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("กรอกชื่อภาษาไทย", await blank.Content.ReadAsStringAsync());
        Assert.Equal("ข้อมูลสุขภาพในมือคุณ", await Db(db => db.CategoryTexts.Where(c => c.Number == 3).Select(c => c.NameTh).SingleAsync()));
        Assert.Contains(await Db(db => db.AuditEvents.Where(a => a.Action == "Taxonomy.Reword").ToListAsync()), a => a.EntityId == "3");
    }

    [Fact]
    public async Task The_settings_page_shows_settings_in_force_and_masks_secrets()
    {
        using var admin = await AdminAsync();

        var (_, html) = await admin.GetAsync("/admin/settings");

        Assert.Contains("Marketplace:SeedSampleData", html);
        Assert.Contains("Stripe:SecretKey", html);
        Assert.DoesNotContain(SiteWithASecret.Secret, html);
    }
}
