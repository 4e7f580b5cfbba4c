using Marketplace.Core.Domain.Search;
using Marketplace.Core.Features.Moderation;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Search;

/// <summary>A change whose sequence commits after a higher one (concurrent writers) is still applied.</summary>
public sealed class IndexFeedGapTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task A_change_committed_after_a_higher_sequence_was_applied_is_still_applied()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        var waiting = (await app.SendAsync(new ListingQueue.Query())).Items
            .Where(i => !i.VendorNameEn.Contains("Pending", StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        Assert.Equal(2, waiting.Count);
        await app.SendAsync(new DecideListing.Command { ListingId = waiting[0].Id, Decision = ListingDecision.Approve });
        // The first approval's log row is "not committed yet": it disappears until the second one has been applied.
        var late = await app.QueryDbAsync(async db =>
        {
            var row = await db.ChangeLog.OrderByDescending(c => c.Sequence).FirstAsync(c => c.EntityId == waiting[0].Id);
            db.ChangeLog.Remove(row);
            await db.SaveChangesAsync();
            return row;
        });
        await app.SendAsync(new DecideListing.Command { ListingId = waiting[1].Id, Decision = ListingDecision.Approve });
        await app.Search.CatchUpAsync(CancellationToken.None);
        Assert.True(app.Search.Index.LastAppliedSequence > late.Sequence);
        Assert.DoesNotContain(waiting[0].Id, Ids());

        await app.QueryDbAsync(async db =>
        {
            var again = new ChangeLogEntry(late.EntityType, late.EntityId, late.At);
            db.ChangeLog.Add(again);
            db.Entry(again).Property(c => c.Sequence).CurrentValue = late.Sequence;
            return await db.SaveChangesAsync();
        });
        await app.Search.CatchUpAsync(CancellationToken.None);

        Assert.Contains(waiting[0].Id, Ids());
        Assert.Contains(waiting[1].Id, Ids());
    }

    private List<int> Ids() => app.Search.Read(index => index.Search(new SearchRequest(null, PageSize: 100)).Hits.Select(h => h.Id)
        .Concat(index.Search(new SearchRequest(null, PageSize: 100, Page: 2)).Hits.Select(h => h.Id)).ToList());
}
