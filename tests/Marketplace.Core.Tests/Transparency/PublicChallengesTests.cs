using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Transparency;

public sealed class PublicChallengesTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static readonly string[] Unpublished = ["dga-digital-id-kiosk", "dla-local-tax-maps"];

    [Fact]
    public async Task Every_public_challenge_is_listed_and_drafts_or_challenges_awaiting_moderation_never_are()
    {
        var all = await app.SendAsync(new PublicChallenges.Query(PageSize: 100));

        Assert.Equal(12, all.Total);
        Assert.DoesNotContain(all.Items, c => Unpublished.Contains(c.Slug));
        foreach (var status in Enum.GetValues<PublicChallenges.Status>())
            Assert.DoesNotContain((await app.SendAsync(new PublicChallenges.Query(status, PageSize: 100))).Items, c => Unpublished.Contains(c.Slug));
    }

    [Theory]
    [InlineData(PublicChallenges.Status.Published, 5)]
    [InlineData(PublicChallenges.Status.Evaluating, 3)]
    [InlineData(PublicChallenges.Status.Awarded, 4)]
    [InlineData(PublicChallenges.Status.Closed, 0)]
    [InlineData(PublicChallenges.Status.Cancelled, 0)]
    public async Task A_status_filter_returns_only_challenges_in_that_state(PublicChallenges.Status status, int expected)
    {
        var result = await app.SendAsync(new PublicChallenges.Query(status, PageSize: 100));

        Assert.Equal(expected, result.Total);
        Assert.All(result.Items, c => Assert.Equal(status, c.Status));
    }

    [Fact]
    public async Task A_published_challenge_past_its_deadline_counts_as_closed_before_the_deadline_job_runs()
    {
        // bma-flood-alerts closes 15 days after the seed was loaded; its state in the database is still Published.
        app.Clock.Advance(TimeSpan.FromDays(16));
        try
        {
            var open = await app.SendAsync(new PublicChallenges.Query(PublicChallenges.Status.Published));
            var closed = await app.SendAsync(new PublicChallenges.Query(PublicChallenges.Status.Closed));

            Assert.DoesNotContain(open.Items, c => c.Slug == "bma-flood-alerts");
            Assert.Equal("bma-flood-alerts", Assert.Single(closed.Items).Slug);
            Assert.Equal(PublicChallenges.Status.Closed, closed.Items[0].Status);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-16));
        }
    }

    [Fact]
    public async Task An_item_carries_its_title_agency_budget_and_deadlines()
    {
        var result = await app.SendAsync(new PublicChallenges.Query(PublicChallenges.Status.Awarded, PageSize: 100));
        var pcd = result.Items.Single(c => c.Slug == "pcd-pm25-sensors");

        Assert.Equal("pcd", pcd.Agency.Slug);
        Assert.False(string.IsNullOrWhiteSpace(pcd.TitleTh));
        Assert.True(pcd.BudgetMaxSatang >= pcd.BudgetMinSatang);
        Assert.Equal(app.Clock.Now.AddDays(-150), pcd.PublishedAt);
        Assert.Equal(app.Clock.Now.AddDays(-110), pcd.ProposalsDeadline);
        Assert.Equal(app.Clock.Now.AddDays(-80), pcd.AwardedAt);
    }

    [Theory]
    [InlineData("published", true)]
    [InlineData("AWARDED", true)]
    [InlineData("closed", true)]
    [InlineData("draft", false)]
    [InlineData("submitted", false)]
    [InlineData("open", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Only_the_public_status_names_are_understood(string text, bool understood) =>
        Assert.Equal(understood, PublicChallenges.TryParseStatus(text, out _));
}
