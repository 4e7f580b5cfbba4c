using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Organisations;

public sealed class OrganisationProfileAndVerificationTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task A_member_edits_the_profile_of_its_organisation_and_the_change_is_audited()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        form.DescriptionEn = "We build health record wallets for district hospitals.";

        await app.SendAsync(form);

        var stored = await app.QueryDbAsync(db => db.Organisations.SingleAsync(o => o.Id == form.OrganisationId));
        Assert.Equal("We build health record wallets for district hospitals.", stored.DescriptionEn);
        var audit = await app.AuditRowsAsync();
        Assert.Contains(audit, a => a.Action == "EditOrganisationProfile" && a.EntityId == form.OrganisationId.ToString() && a.UserName == DemoAccounts.Vendor);
    }

    [Fact]
    public async Task A_member_of_another_organisation_cannot_edit_the_profile_and_the_attempt_is_audited()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        var originalName = form.NameEn;
        form.NameEn = "Hijacked";

        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(form));

        Assert.Equal(originalName, await app.QueryDbAsync(db => db.Organisations.Where(o => o.Id == form.OrganisationId).Select(o => o.NameEn).SingleAsync()));
        var audit = await app.AuditRowsAsync();
        Assert.Contains(audit, a => a.Refused && a.Action == "EditOrganisationProfile" && a.UserName == DemoAccounts.VendorEnglish);
    }

    [Fact]
    public async Task A_moderator_cannot_edit_an_organisation_profile_either()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        await app.AsUserAsync(DemoAccounts.Moderator);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(form));
    }

    [Fact]
    public async Task The_queue_lists_pending_organisations_oldest_first_with_their_waiting_time()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        var queue = await app.SendAsync(new OrganisationQueue.Query());

        Assert.NotEmpty(queue.Items);
        Assert.All(queue.Items, i => Assert.True(i.Waiting > TimeSpan.Zero));
        Assert.Equal(queue.Items.OrderBy(i => i.CreatedAt).Select(i => i.Id), queue.Items.Select(i => i.Id));
        var pending = await app.QueryDbAsync(db => db.Organisations.CountAsync(o => o.Verification == VerificationState.Pending));
        Assert.Equal(pending, queue.Total);
    }

    [Fact]
    public async Task A_moderator_verifies_or_rejects_with_a_reason_the_applicant_sees()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        // Fresh applicants, so the demo pending vendor stays pending for the other tests.
        app.AsAnonymous();
        async Task<int> Register(string email, string juristic) => (await app.SendAsync(new RegisterAccount.Command
        {
            AccountType = AccountType.Startup,
            DisplayName = "ผู้สมัคร",
            Email = email,
            Password = "correct-horse-9",
            AcceptPrivacy = true,
            NameTh = "บริษัท ผู้สมัคร จำกัด",
            NameEn = "Applicant " + email,
            JuristicNumber = juristic,
            ProvinceCode = "TH-10",
            ContactEmail = email,
        })).OrganisationId!.Value;
        var first = await Register("first@applicant.example", "0105563000035");
        var second = await Register("second@applicant.example", "0105562000023");
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new DecideOrganisation.Command { OrganisationId = first, Verify = true });
        await app.SendAsync(new DecideOrganisation.Command { OrganisationId = second, Verify = false, Reason = "หนังสือรับรองบริษัทหมดอายุ" });

        var stored = await app.QueryDbAsync(db => db.Organisations.Where(o => o.Id == first || o.Id == second).ToDictionaryAsync(o => o.Id));
        Assert.Equal(VerificationState.Verified, stored[first].Verification);
        Assert.Equal(VerificationState.Rejected, stored[second].Verification);
        Assert.Equal("หนังสือรับรองบริษัทหมดอายุ", stored[second].RejectionReason);
        var audit = await app.AuditRowsAsync();
        Assert.Contains(audit, a => a.Action == "DecideOrganisation" && a.EntityId == second.ToString() && a.SummaryTemplate!.Contains("หนังสือรับรอง"));

        // The same audit row reads in the language of the page: Thai on th-TH, English (and the English name) on en-US.
        async Task<string> SummaryAsync() => (await app.SendAsync(new AuditLog.Query(nameof(Organisation), second.ToString()))).Rows
            .Single(r => r.Action == "DecideOrganisation").Summary;
        using (new ThaiCulture())
            Assert.Equal("ไม่ยืนยัน 'บริษัท ผู้สมัคร จำกัด': หนังสือรับรองบริษัทหมดอายุ", await SummaryAsync());
        using (new EnglishCulture())
            Assert.Equal("Rejected 'Applicant second@applicant.example': หนังสือรับรองบริษัทหมดอายุ", await SummaryAsync());
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        var organisationId = await app.QueryDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            app.SendAsync(new DecideOrganisation.Command { OrganisationId = organisationId, Verify = false }));
        Assert.Contains(refused.Errors, e => e.Field == nameof(DecideOrganisation.Command.Reason));
    }

    [Fact]
    public async Task A_vendor_cannot_verify_organisations_and_the_attempt_is_audited()
    {
        await app.AsUserAsync(DemoAccounts.PendingVendor);
        var own = await app.SendAsync(new EditOrganisationProfile.Query());

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new DecideOrganisation.Command { OrganisationId = own.OrganisationId, Verify = true }));

        Assert.Equal(VerificationState.Pending, await app.QueryDbAsync(db => db.Organisations.Where(o => o.Id == own.OrganisationId).Select(o => o.Verification).SingleAsync()));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Refused && a.Action == "DecideOrganisation" && a.UserName == DemoAccounts.PendingVendor);
    }
}
