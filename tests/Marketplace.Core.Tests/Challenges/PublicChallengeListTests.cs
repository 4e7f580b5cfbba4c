using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Challenges;

/// <summary>
/// The public challenge list is read from the public cards kept in memory per records version
/// (<see cref="BrowseChallenges.PublicCards"/>): no query while nothing changed, a change shown as soon as the version
/// moves, and the clock applied at each reading. Its own fixture: these tests move the clock.
/// </summary>
public sealed class PublicChallengeListTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task The_list_read_again_takes_no_query_and_shows_a_renamed_agency_as_soon_as_the_records_move()
    {
        var first = await app.SendAsync(new BrowseChallenges.Query());
        var card = first.Items[0];
        var agencyId = await app.QueryDbAsync(db => db.Challenges.Where(c => c.Id == card.Id).Select(c => c.AgencyId).SingleAsync());
        using var commands = await DatabaseCommands.ListenAsync(app);

        var again = await app.SendAsync(new BrowseChallenges.Query());
        Assert.Empty(commands.Sql);
        Assert.Equal(first.Items, again.Items);

        await RenameAsync(agencyId, "หน่วยงานที่เปลี่ยนชื่อแล้ว");
        try
        {
            // What the change feed does when it brings this change (a command committed here raises the version itself).
            app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
            var renamed = await app.SendAsync(new BrowseChallenges.Query());
            Assert.Equal("หน่วยงานที่เปลี่ยนชื่อแล้ว", renamed.Items.Single(c => c.Id == card.Id).AgencyNameTh);
        }
        finally
        {
            await RenameAsync(agencyId, card.AgencyNameTh);
            app.Services.GetRequiredService<PublicChanges>().Raise(ChangedPages.PublicRecords);
        }
    }

    [Fact]
    public async Task A_challenge_leaves_the_open_list_the_moment_its_deadline_passes_without_any_change_to_the_records()
    {
        var open = await app.SendAsync(new BrowseChallenges.Query(OpenOnly: true));
        var all = await app.SendAsync(new BrowseChallenges.Query(PageSize: 100));
        var first = open.Items.MinBy(c => c.ProposalsDeadline)!;
        Assert.True(first.Open);
        Assert.Equal(all.Items.Take(open.Total).Select(c => c.Id), open.Items.Select(c => c.Id).Take(all.Items.Count));

        app.Clock.Advance(first.ProposalsDeadline - app.Clock.Now + TimeSpan.FromSeconds(1));
        var openAfter = await app.SendAsync(new BrowseChallenges.Query(OpenOnly: true));
        var allAfter = await app.SendAsync(new BrowseChallenges.Query(PageSize: 100));

        Assert.DoesNotContain(openAfter.Items, c => c.Id == first.Id);
        Assert.Equal(open.Total - 1, openAfter.Total);
        var closed = allAfter.Items.Single(c => c.Id == first.Id);
        Assert.Equal((ChallengeState.Closed, false), (closed.State, closed.Open));
        // Open ones first: the one that just closed now comes after every challenge still open.
        Assert.True(allAfter.Items.TakeWhile(c => c.Open).Count() == openAfter.Total);
        Assert.Equal(all.Total, allAfter.Total);
    }

    private Task RenameAsync(int organisationId, string nameTh) =>
        app.QueryDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.NameTh, nameTh)));
}
