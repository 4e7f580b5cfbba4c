using Marketplace.Core.Common;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class ListingWorkflowTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<int> CreateDraftAsync(ListingForm? form = null, string vendor = DemoAccounts.Vendor)
    {
        await app.AsUserAsync(vendor);
        return (await app.SendAsync(new SaveListing.Command { Listing = form ?? ListingForms.Complete() })).ListingId;
    }

    private Task<Listing> StoredAsync(int id) => app.QueryDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    private async Task DecideAsync(int id, ListingDecision decision, string? reason = null, Dictionary<string, string?>? fields = null)
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new DecideListing.Command { ListingId = id, Decision = decision, Reason = reason, FieldRequests = fields ?? [] });
    }

    [Fact]
    public async Task A_draft_goes_through_changes_requested_and_resubmission_to_published_with_an_audit_row_for_each_step()
    {
        var id = await CreateDraftAsync();
        await app.SendAsync(new SubmitListing.Command(id));
        await DecideAsync(id, ListingDecision.RequestChanges, fields: new() { ["SummaryTh"] = "บอกจำนวนโรงพยาบาลที่ใช้งาน", ["TitleEn"] = " " });

        var asked = await StoredAsync(id);
        Assert.Equal(ReviewState.ChangesRequested, asked.Review);
        Assert.Equal(new Dictionary<string, string> { ["SummaryTh"] = "บอกจำนวนโรงพยาบาลที่ใช้งาน" }, asked.RequestedChanges);

        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = (await app.SendAsync(new SaveListing.Query(id))).Listing;
        form.SummaryTh = "ใช้งานแล้วใน 12 โรงพยาบาลชุมชน ลดเวลารอหน้าห้องตรวจ";
        await app.SendAsync(new SaveListing.Command { ListingId = id, Listing = form });
        await app.SendAsync(new SubmitListing.Command(id));
        await DecideAsync(id, ListingDecision.Approve);

        var published = await StoredAsync(id);
        Assert.True(published.IsPublic);
        Assert.Equal("ใช้งานแล้วใน 12 โรงพยาบาลชุมชน ลดเวลารอหน้าห้องตรวจ", published.Live!.SummaryTh);
        Assert.Equal(150_000_00, published.Live.PilotPackages.Single().PriceSatang);
        var actions = (await app.AuditRowsAsync()).Where(a => a.EntityType == nameof(Listing) && a.EntityId == id.ToString()).Select(a => a.Action).ToList();
        Assert.Equal(["SaveListing", "SubmitListing", "DecideListing", "SaveListing", "SubmitListing", "DecideListing"], actions);
    }

    [Fact]
    public async Task Editing_a_published_listing_keeps_the_published_version_public_until_the_revision_is_approved()
    {
        var id = await CreateDraftAsync();
        await app.SendAsync(new SubmitListing.Command(id));
        await DecideAsync(id, ListingDecision.Approve);

        await app.AsUserAsync(DemoAccounts.Vendor);
        var form = (await app.SendAsync(new SaveListing.Query(id))).Listing;
        var originalTitle = form.TitleTh;
        form.TitleTh = "ระบบนัดหมายคลินิกออนไลน์ รุ่นสอง";
        await app.SendAsync(new SaveListing.Command { ListingId = id, Listing = form });
        await app.SendAsync(new SubmitListing.Command(id));

        app.AsAnonymous();
        var slug = (await StoredAsync(id)).Slug;
        Assert.Equal(originalTitle, (await app.SendAsync(new ListingDetails.Query(slug))).Content.TitleTh);

        await app.AsUserAsync(DemoAccounts.Moderator);
        var review = await app.SendAsync(new ReviewListing.Query(id));
        Assert.True(review.IsRevision);
        var changed = Assert.Single(review.Fields, f => f.Changed);
        Assert.Equal(("TitleTh", originalTitle, "ระบบนัดหมายคลินิกออนไลน์ รุ่นสอง"), (changed.Field, changed.Before, changed.After));

        await DecideAsync(id, ListingDecision.Approve);
        app.AsAnonymous();
        Assert.Equal("ระบบนัดหมายคลินิกออนไลน์ รุ่นสอง", (await app.SendAsync(new ListingDetails.Query(slug))).Content.TitleTh);
    }

    [Fact]
    public async Task Illegal_moves_are_refused_and_change_nothing()
    {
        var id = await CreateDraftAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(id, ListingDecision.Approve));
        await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(id, ListingDecision.Unpublish, "spam"));
        await app.AsUserAsync(DemoAccounts.Vendor);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new WithdrawListing.Command(id)));

        await app.SendAsync(new SubmitListing.Command(id));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SubmitListing.Command(id)));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SaveListing.Command { ListingId = id, Listing = ListingForms.Complete() }));
        await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(id, ListingDecision.Reject, reason: " "));

        await DecideAsync(id, ListingDecision.Reject, "ซ้ำกับรายการเดิม");
        var rejected = await StoredAsync(id);
        Assert.Equal((ReviewState.Rejected, Visibility.NeverPublished, "ซ้ำกับรายการเดิม"), (rejected.Review, rejected.Visibility, rejected.ModeratorReason));
        await app.AsUserAsync(DemoAccounts.Vendor);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SaveListing.Command { ListingId = id, Listing = ListingForms.Complete() }));
    }

    [Fact]
    public async Task Withdrawal_by_the_vendor_and_unpublication_by_a_moderator_hide_the_listing_from_the_public()
    {
        var first = await CreateDraftAsync();
        var second = await CreateDraftAsync(ListingForms.Complete("ระบบแจ้งเตือนคุณภาพน้ำ"));
        foreach (var id in new[] { first, second })
        {
            await app.AsUserAsync(DemoAccounts.Vendor);
            await app.SendAsync(new SubmitListing.Command(id));
            await DecideAsync(id, ListingDecision.Approve);
        }

        await app.AsUserAsync(DemoAccounts.Vendor);
        await app.SendAsync(new WithdrawListing.Command(first));
        await DecideAsync(second, ListingDecision.Unpublish, "ข้อมูลราคาไม่ตรงกับความจริง");

        app.AsAnonymous();
        foreach (var id in new[] { first, second })
            await Assert.ThrowsAsync<NotFoundException>(async () => await app.SendAsync(new ListingDetails.Query((await StoredAsync(id)).Slug)));
        Assert.Equal(Visibility.Withdrawn, (await StoredAsync(first)).Visibility);
        Assert.Equal("ข้อมูลราคาไม่ตรงกับความจริง", (await StoredAsync(second)).ModeratorReason);
    }

    [Fact]
    public async Task A_pending_organisations_listing_cannot_be_published()
    {
        var id = await CreateDraftAsync(vendor: DemoAccounts.PendingVendor);
        await app.SendAsync(new SubmitListing.Command(id));

        using var _ = new EnglishCulture();
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(id, ListingDecision.Approve));
        Assert.Contains("verified organisation", refused.Message);
        Assert.False((await StoredAsync(id)).IsPublic);
    }

    [Fact]
    public async Task Submission_is_refused_until_every_quality_check_passes()
    {
        var form = ListingForms.Complete("ติดต่อ 081-234-5678 " + Guid.NewGuid().ToString("N")[..4]);
        form.DescriptionTh = "สั้นเกินไป";
        form.PriceBaht = null;
        var id = await CreateDraftAsync(form);

        var checklist = await app.SendAsync(new SubmitListing.Checklist(id));
        Assert.Equal(["description", "price", "contact-in-title"], checklist.Where(c => !c.Passed).Select(c => c.Key));
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(new SubmitListing.Command(id)));
        Assert.Equal(3, refused.Errors.Count);
        Assert.Equal(ReviewState.Draft, (await StoredAsync(id)).Review);
    }

    [Fact]
    public async Task A_title_already_used_by_the_same_vendor_fails_the_duplicate_check()
    {
        await CreateDraftAsync(ListingForms.Complete("ระบบจัดการขยะชุมชน"));
        var id = await CreateDraftAsync(ListingForms.Complete("ระบบจัดการ  ขยะชุมชน"));

        var duplicate = Assert.Single(await app.SendAsync(new SubmitListing.Checklist(id)), c => c.Key == "duplicate-title");
        Assert.False(duplicate.Passed);
    }

    [Fact]
    public async Task The_vendors_members_are_notified_in_their_language_by_app_and_e_mail()
    {
        var id = await CreateDraftAsync();
        await app.SendAsync(new SubmitListing.Command(id));
        await DecideAsync(id, ListingDecision.Approve);

        var vendorUserId = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Vendor).Select(u => u.Id).SingleAsync());
        Assert.StartsWith("เผยแพร่", (await app.NotificationsAsync(vendorUserId, Dates.Thai)).Last());
        Assert.StartsWith("เผยแพร่", (await app.MailsToAsync(DemoAccounts.Vendor)).Last().Subject);
        Assert.Null(await app.QueryDbAsync(db => db.OutboxEmails.Where(m => m.To == DemoAccounts.Vendor).OrderBy(m => m.Id).Select(m => m.SentAt).LastAsync()));
    }
}
