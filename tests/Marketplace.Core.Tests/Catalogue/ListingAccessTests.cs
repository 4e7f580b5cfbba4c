using Marketplace.Core.Common;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class ListingAccessTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<(int Id, string Slug)> DraftOfDemoVendorAsync()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var result = await app.SendAsync(new SaveListing.Command { Listing = ListingForms.Complete() });
        return (result.ListingId, result.Slug);
    }

    [Fact]
    public async Task Another_vendor_cannot_view_edit_submit_or_withdraw_a_draft_and_every_attempt_is_audited()
    {
        var (id, slug) = await DraftOfDemoVendorAsync();
        await app.AsUserAsync(DemoAccounts.VendorEnglish);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new ListingDetails.Query(slug, Preview: true)));
        var edit = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new SaveListing.Query(id)));
        Assert.True(edit.HideExistence);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new SaveListing.Command { ListingId = id, Listing = ListingForms.Complete("ยึดรายการ") }));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new SubmitListing.Command(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new WithdrawListing.Command(id)));

        var stored = await app.QueryDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(ReviewState.Draft, stored.Review);
        Assert.StartsWith("ระบบนัดหมายคลินิกออนไลน์", stored.Draft.TitleTh);
        var refusals = (await app.AuditRowsAsync()).Where(a => a.Refused && a.UserName == DemoAccounts.VendorEnglish).Select(a => a.Action).ToList();
        Assert.Equal(["SaveListing.Query", "SaveListing", "SubmitListing", "WithdrawListing"], refusals);
    }

    [Fact]
    public async Task A_buyer_cannot_create_listings()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new SaveListing.Command { Listing = ListingForms.Complete() }));
        Assert.Contains(await app.AuditRowsAsync(), a => a.Refused && a.Action == "SaveListing" && a.UserName == DemoAccounts.Buyer);
    }

    [Theory]
    [InlineData(DemoAccounts.Vendor)]
    [InlineData(DemoAccounts.Buyer)]
    public async Task Only_moderators_moderate(string email)
    {
        var (id, _) = await DraftOfDemoVendorAsync();
        await app.SendAsync(new SubmitListing.Command(id));
        await app.AsUserAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new DecideListing.Command { ListingId = id, Decision = ListingDecision.Approve }));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new ListingQueue.Query()));
        Assert.Equal(ReviewState.Submitted, await app.QueryDbAsync(db => db.Listings.Where(l => l.Id == id).Select(l => l.Review).SingleAsync()));
    }

    [Fact]
    public async Task The_public_reads_only_published_listings_and_a_moderator_may_preview_a_draft()
    {
        var (_, slug) = await DraftOfDemoVendorAsync();
        app.AsAnonymous();
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new ListingDetails.Query(slug)));

        await app.AsUserAsync(DemoAccounts.Moderator);
        Assert.True((await app.SendAsync(new ListingDetails.Query(slug))).IsPreview);
    }
}
