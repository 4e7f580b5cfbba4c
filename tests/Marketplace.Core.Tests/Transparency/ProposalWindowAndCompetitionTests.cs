using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>
/// The arithmetic behind the flags, on awards made here through the real domain transitions: the window is counted in
/// whole days from publication to the proposals deadline, withdrawn proposals do not count, and repeat wins are per agency.
/// </summary>
public sealed class ProposalWindowAndCompetitionTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static readonly DateTimeOffset Published = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(28 * 24, 28, false)]
    [InlineData(28 * 24 - 1, 27, true)]
    [InlineData(20 * 24, 20, true)]
    [InlineData(14 * 24 + 12, 14, true)]
    [InlineData(45 * 24 + 23, 45, false)]
    public void The_window_is_whole_days_rounded_down_and_short_below_28(int hours, int expectedDays, bool flagged)
    {
        var deadline = Published.AddHours(hours);
        var agency = new OrganisationName(1, "dga", "สพร.", "DGA");

        var flags = RedFlags.For(3, Published, deadline, agency, []);

        Assert.Equal(expectedDays, RedFlags.WindowDays(Published, deadline));
        Assert.Equal(flagged, flags.Any(f => f.Kind == RedFlagKind.ShortWindow));
    }

    [Fact]
    public void The_award_date_is_the_Bangkok_date_so_an_award_made_early_on_a_Thai_morning_is_not_dated_the_day_before()
    {
        var agency = new OrganisationName(1, "dga", "สพร.", "DGA");
        var award = new AwardRegister.Award(1, "x", "x", null, agency, [], new DateTimeOffset(2026, 10, 20, 23, 30, 0, TimeSpan.Zero),
            Published, Published.AddDays(30), 2, 30, []);

        Assert.Equal(new DateOnly(2026, 10, 21), award.AwardDate);
    }

    [Fact]
    public async Task A_window_one_hour_short_of_28_days_shows_27_days_and_is_flagged()
    {
        var award = await AwardAsync("window-27d23h", TimeSpan.FromDays(28) - TimeSpan.FromHours(1), winner: "queue-less");

        Assert.Equal(27, award.WindowDays);
        Assert.Contains(award.RedFlags, f => f.Kind == RedFlagKind.ShortWindow && f.ExplanationEn.Contains("only 27 days"));
    }

    [Fact]
    public async Task A_window_of_exactly_28_days_is_not_flagged()
    {
        var award = await AwardAsync("window-28d", TimeSpan.FromDays(28), winner: "docflow-solutions");

        Assert.Equal(28, award.WindowDays);
        Assert.Empty(award.RedFlags);
    }

    [Fact]
    public async Task A_withdrawn_proposal_does_not_count_so_the_one_left_is_a_single_proposal()
    {
        var award = await AwardAsync("one-withdrawn", TimeSpan.FromDays(30), winner: "budget-lens", withdrawLoser: true);

        Assert.Equal(1, award.Proposals);
        Assert.Equal(RedFlagKind.SingleProposal, Assert.Single(award.RedFlags).Kind);
    }

    [Fact]
    public async Task Winning_once_each_from_two_agencies_is_not_a_repeat_win()
    {
        // fah-sai-air already won pcd-pm25-sensors from the Pollution Control Department in the seed data.
        var award = await AwardAsync("other-agency-win", TimeSpan.FromDays(30), winner: "fah-sai-air");

        Assert.Equal(1, Assert.Single(award.Winners).WinsFromAgency);
        Assert.DoesNotContain(award.RedFlags, f => f.Kind == RedFlagKind.RepeatWinner);
    }

    /// <summary>A DGA challenge published, answered by the winner and one other vendor, closed and awarded to the winner.</summary>
    private async Task<AwardRegister.Award> AwardAsync(string slug, TimeSpan window, string winner, bool withdrawLoser = false)
    {
        await app.QueryDbAsync(async db =>
        {
            var agency = await db.Organisations.SingleAsync(o => o.Slug == "dga");
            var poster = await db.Users.Where(u => u.OrganisationId == agency.Id).Select(u => u.Id).FirstAsync();
            var winning = await db.Organisations.SingleAsync(o => o.Slug == winner);
            var other = await db.Organisations.SingleAsync(o => o.Slug == (winner == "open-ledger-th" ? "budget-lens" : "open-ledger-th"));
            var listing = await db.Listings.Select(l => l.Id).FirstAsync();
            var content = new ChallengeContent { TitleTh = "โจทย์ทดสอบ " + slug, BudgetMinSatang = 10_000_000, BudgetMaxSatang = 90_000_000 };
            var challenge = new Challenge(agency.Id, poster, slug, content, Published.AddDays(7), Published + window, Published.AddDays(-2));
            challenge.Submit(Published.AddDays(-1));
            challenge.Publish(agency, Published);
            db.Challenges.Add(challenge);
            await db.SaveChangesAsync();

            var terms = new ProposalTerms(listing, "แนวทางการทำงาน", 50_000_000, 90);
            var won = challenge.ReceiveProposal(winning.Id, poster, terms, null, Published.AddDays(3));
            var lost = challenge.ReceiveProposal(other.Id, poster, terms, null, Published.AddDays(3));
            db.Proposals.AddRange(won, lost);
            if (withdrawLoser)
                challenge.WithdrawProposal(lost, Published.AddDays(4));
            var evaluated = challenge.ProposalsDeadline.AddDays(1);
            challenge.Declare(poster, conflict: false, null, evaluated);
            await db.SaveChangesAsync();
            var standing = withdrawLoser ? new[] { won } : [won, lost];
            var scores = standing.Select(p => challenge.Score(poster, p, null, [], null, evaluated)).ToList();
            var awarded = challenge.ProposalsDeadline.AddDays(10);
            challenge.Award(poster, standing, scores, new Dictionary<int, long> { [won.Id] = 48_000_000 }, ChallengeDates.ThaiDay(awarded),
                _ => "คะแนนรวมต่ำกว่า", awarded);
            return await db.SaveChangesAsync();
        });
        return (await app.SendAsync(new AwardRegister.Query(Everything: true))).Items.Single(a => a.Slug == slug);
    }
}
