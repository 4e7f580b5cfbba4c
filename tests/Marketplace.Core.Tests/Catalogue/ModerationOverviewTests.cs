using Marketplace.Core.Common;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class ModerationOverviewTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task The_numbers_agree_with_the_database_and_time_to_decide_follows_the_clock()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        var id = (await app.SendAsync(new SaveListing.Command { Listing = ListingForms.Complete() })).ListingId;
        await app.SendAsync(new SubmitListing.Command(id));
        app.Clock.Advance(TimeSpan.FromHours(30));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new DecideListing.Command { ListingId = id, Decision = ListingDecision.Approve });

        var numbers = await app.SendAsync(new ModerationNumbers.Query());

        var live = await app.QueryDbAsync(db => db.Listings.Where(l => l.Visibility == Visibility.Published).Select(l => l.Live!).ToListAsync());
        Assert.Equal(live.Count, numbers.PublishedListings);
        Assert.Equal(live.Count(c => c.Categories.Contains(3)), numbers.ListingsByCategory[3]);
        Assert.Equal(1, numbers.DecisionsMeasured);
        Assert.Equal(TimeSpan.FromHours(30), numbers.MedianTimeToDecide);
    }

    [Fact]
    public async Task The_audit_trail_can_show_only_refused_attempts()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new ListingQueue.Query()));
        await app.AsUserAsync(DemoAccounts.Moderator);

        var refused = await app.SendAsync(new AuditLog.Query(RefusedOnly: true));

        Assert.NotEmpty(refused.Rows);
        Assert.All(refused.Rows, r => Assert.True(r.Refused));
        Assert.Contains(refused.Rows, r => r.UserName == DemoAccounts.Buyer && r.Action == "ListingQueue.Query");
    }
}
