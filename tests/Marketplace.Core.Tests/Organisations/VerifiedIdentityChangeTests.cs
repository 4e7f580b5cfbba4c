using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Organisations;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Organisations;

public sealed class VerifiedIdentityChangeTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private Task<Organisation> OrganisationAsync(int id) => app.QueryDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id));

    private Task<OrganisationChangeRequest> PendingChangeAsync(int organisationId) => app.QueryDbAsync(db =>
        db.OrganisationChangeRequests.AsNoTracking().SingleAsync(c => c.OrganisationId == organisationId && c.State == ChangeRequestState.Pending));

    [Fact]
    public async Task Renaming_a_verified_organisation_waits_for_a_moderator_and_the_verified_name_stays_live_until_then()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        var verified = await OrganisationAsync(form.OrganisationId);
        form.NameTh = "บริษัท ชื่อใหม่ จำกัด";
        form.NameEn = "Brand New Name Co";
        form.Website = "https://brand-new-name.example";
        form.DescriptionEn = "Saved at once: not part of what NIA verified.";

        var outcome = await app.SendAsync(form);

        Assert.Equal(EditOrganisationProfile.Outcome.ChangeWaitsForApproval, outcome);
        var live = await OrganisationAsync(form.OrganisationId);
        Assert.Equal((verified.NameTh, verified.NameEn, verified.Website), (live.NameTh, live.NameEn, live.Website));
        Assert.Equal("Saved at once: not part of what NIA verified.", live.DescriptionEn);
        Assert.Equal(VerificationState.Verified, live.Verification);
        var change = await PendingChangeAsync(form.OrganisationId);
        Assert.Equal(("Brand New Name Co", "https://brand-new-name.example"), (change.NameEn, change.Website));
        Assert.Equal("Brand New Name Co", (await app.SendAsync(new EditOrganisationProfile.Query())).Pending!.NameEn);

        await app.AsUserAsync(DemoAccounts.Moderator);
        Assert.Contains(await app.SendAsync(new OrganisationChanges.Query()), i => i.Id == change.Id && i.LiveNameEn == verified.NameEn);
        await app.SendAsync(new OrganisationChanges.Decide { ChangeId = change.Id, Approve = true });

        var renamed = await OrganisationAsync(form.OrganisationId);
        Assert.Equal(("บริษัท ชื่อใหม่ จำกัด", "Brand New Name Co", "https://brand-new-name.example"), (renamed.NameTh, renamed.NameEn, renamed.Website));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Action == "OrganisationChanges.Decide" && a.EntityId == form.OrganisationId.ToString());
    }

    [Fact]
    public async Task A_refused_change_of_juristic_number_leaves_the_verified_number_and_tells_the_organisation_why()
    {
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        var verifiedNumber = form.JuristicNumber;
        form.JuristicNumber = "0105536000372";
        Assert.Equal(EditOrganisationProfile.Outcome.ChangeWaitsForApproval, await app.SendAsync(form));
        var change = await PendingChangeAsync(form.OrganisationId);

        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new OrganisationChanges.Decide { ChangeId = change.Id, Approve = false, Reason = "The DBD record names another company" });

        Assert.Equal(verifiedNumber, (await OrganisationAsync(form.OrganisationId)).JuristicNumber);
        var vendorEn = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoAccounts.VendorEnglish));
        Assert.Contains(await app.MailsToAsync(DemoAccounts.VendorEnglish), e => e.Body.Contains("The DBD record names another company"));
        Assert.Contains("NIA refused the change to your organisation's details", await app.NotificationsAsync(vendorEn.Id, Dates.English));
    }

    [Fact]
    public async Task A_vendor_cannot_decide_its_own_change()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        form.NameEn = form.NameEn + " (renamed)";
        await app.SendAsync(form);
        var change = await PendingChangeAsync(form.OrganisationId);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new OrganisationChanges.Decide { ChangeId = change.Id, Approve = true }));

        Assert.DoesNotContain("(renamed)", (await OrganisationAsync(form.OrganisationId)).NameEn);
    }

    [Fact]
    public async Task An_organisation_not_yet_verified_corrects_its_names_at_once()
    {
        await app.AsUserAsync(DemoAccounts.PendingVendor);
        var form = await app.SendAsync(new EditOrganisationProfile.Query());
        form.NameEn = "Isan EduSpark Corrected";

        Assert.Equal(EditOrganisationProfile.Outcome.Saved, await app.SendAsync(form));

        Assert.Equal("Isan EduSpark Corrected", (await OrganisationAsync(form.OrganisationId)).NameEn);
        Assert.False(await app.QueryDbAsync(db => db.OrganisationChangeRequests.AnyAsync(c => c.OrganisationId == form.OrganisationId)));
    }

    [Fact]
    public void The_entity_itself_refuses_a_direct_rename_of_a_verified_organisation()
    {
        var organisation = new Organisation(OrganisationKind.Agency, "x", new OrganisationProfile("ก", "A", "TH-10", "https://a.example", "a@a.example", null, null, null), null, DateTimeOffset.UnixEpoch);
        organisation.Verify(DateTimeOffset.UnixEpoch);

        Assert.Throws<DomainRuleException>(() => organisation.UpdateProfile(new OrganisationProfile("ก", "B", "TH-10", "https://a.example", "a@a.example", null, null, null)));
        organisation.UpdateProfile(new OrganisationProfile("ก", "A", "TH-10", "https://www.a.example/about", "a@a.example", null, null, null));
        Assert.Equal("https://www.a.example/about", organisation.Website);
    }
}
