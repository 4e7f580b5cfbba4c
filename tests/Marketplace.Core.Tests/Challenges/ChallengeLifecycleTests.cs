using Marketplace.Core.Common;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Challenges;

public sealed class ChallengeLifecycleTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.Now.UtcDateTime);

    private async Task<(int Id, string Slug)> PublishAsync(ChallengeForm form)
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var saved = await app.SendAsync(new SaveChallenge.Command { Challenge = form });
        await app.SendAsync(new SubmitChallenge.Command(saved.ChallengeId));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new ModerateChallenge.Command { ChallengeId = saved.ChallengeId, Publish = true });
        return (saved.ChallengeId, saved.Slug);
    }

    private async Task<int> ProposeAsync(int challengeId, string vendor, string price)
    {
        await app.AsUserAsync(vendor);
        var mine = await app.SendAsync(new Proposals.Mine(challengeId));
        Assert.Empty(mine.Problems);
        await app.SendAsync(new Proposals.Send { ChallengeId = challengeId, ListingId = mine.Solutions[0].Id, Approach = "ติดตั้งเซนเซอร์ 20 จุด", PriceBaht = price, TimelineDays = 120 });
        return await app.QueryDbAsync(db => db.Proposals.Where(p => p.ChallengeId == challengeId).OrderBy(p => p.Id).Select(p => p.Id).LastAsync());
    }

    private Task<Challenge> StoredAsync(int id) => app.QueryDbAsync(db => db.Challenges.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_challenge_lives_from_draft_to_award_as_the_clock_passes_each_deadline()
    {
        var (id, slug) = await PublishAsync(ChallengeForms.Valid(Today));
        Assert.Equal(ChallengeState.Published, (await StoredAsync(id)).State);

        await app.AsUserAsync(DemoAccounts.Vendor);
        await app.SendAsync(new Questions.Ask(id, "ต้องติดตั้งกี่จุด"));
        var winner = await ProposeAsync(id, DemoAccounts.Vendor, "1,500,000");
        var other = await ProposeAsync(id, DemoAccounts.VendorEnglish, "1,200,000");

        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Query(id)));
        var question = await app.QueryDbAsync(db => db.ChallengeQuestions.SingleAsync(q => q.ChallengeId == id));
        await app.SendAsync(new Questions.Answer(question.Id, "อย่างน้อย 20 จุดตลอดลำน้ำ"));

        app.Clock.Advance(TimeSpan.FromDays(26));
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new Questions.Ask(id, "คำถามหลังกำหนด")));

        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.True(await app.SendAsync(new CloseDueChallenges.Command()) >= 1);
        Assert.Equal(ChallengeState.Closed, (await StoredAsync(id)).State);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new Proposals.Withdraw(id)));

        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new Evaluation.Score(winner, [9, 8, 8])));
        await app.SendAsync(new EvaluationPanel.Declare(id, Conflict: false));
        await app.SendAsync(new Evaluation.Score(winner, [9, 8, 8]));
        await app.SendAsync(new Evaluation.Score(other, [6, 9, 5]));
        var room = await app.SendAsync(new Evaluation.Query(id));
        Assert.Equal([(winner, 85m, 1), (other, 67m, 2)], room.Proposals.Select(p => (p.ProposalId, p.WeightedTotal, p.Rank)));

        await app.SendAsync(new Award.Command
        {
            ChallengeId = id,
            Winners = [new Award.Winner { ProposalId = winner, ContractValueBaht = "1,450,000" }],
            ContractDate = Today.AddDays(7),
            FeedbackToOthers = "ราคาดีแต่แนวทางยังไม่ครอบคลุม",
        });

        var awarded = await StoredAsync(id);
        Assert.Equal(ChallengeState.Awarded, awarded.State);
        var proposals = await app.QueryDbAsync(db => db.Proposals.AsNoTracking().Where(p => p.ChallengeId == id).ToDictionaryAsync(p => p.Id));
        Assert.Equal((ProposalState.Awarded, 145_000_000L), (proposals[winner].State, proposals[winner].ContractValueSatang!.Value));
        Assert.Equal(ProposalState.NotSelected, proposals[other].State);
        // The buyer's words and the score are stored apart, so "Weighted total" is written in each reader's language.
        Assert.Equal("ราคาดีแต่แนวทางยังไม่ครอบคลุม", proposals[other].Feedback);
        Assert.Contains("67", proposals[other].WeightedTotal!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        var audited = (await app.AuditRowsAsync()).Where(a => a.EntityType == nameof(Challenge) && a.EntityId == id.ToString()).Select(a => a.Action).ToList();
        Assert.Equal(["SaveChallenge", "SubmitChallenge", "ModerateChallenge", "CloseDueChallenges", "EvaluationPanel.Declare", "Award"], audited);
        Assert.Equal(ChallengeState.Awarded, (await app.SendAsync(new ChallengeDetails.Query(slug))).State);
    }

    [Fact]
    public async Task A_window_under_fourteen_days_is_refused_and_under_twenty_eight_gives_a_warning()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var tooShort = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(Today, windowDays: 10) });
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SubmitChallenge.Command(tooShort.ChallengeId)));
        Assert.Equal(ChallengeState.Draft, (await StoredAsync(tooShort.ChallengeId)).State);

        var short20 = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(Today, windowDays: 20) });
        using var _ = new EnglishCulture();
        var submitted = await app.SendAsync(new SubmitChallenge.Command(short20.ChallengeId));
        Assert.Contains("recommended 28", submitted.Warning);

        var fine = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(Today, windowDays: 40) });
        Assert.Null((await app.SendAsync(new SubmitChallenge.Command(fine.ChallengeId))).Warning);
    }

    [Fact]
    public async Task Weights_that_do_not_sum_to_one_hundred_are_refused_next_to_the_criteria()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var form = ChallengeForms.Valid(Today);
        form.Criteria[0].Weight = 40;

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(new SaveChallenge.Command { Challenge = form }));
        Assert.Contains(refused.Errors, e => e.Field == "Challenge.Criteria");
    }

    [Fact]
    public async Task Illegal_moves_are_refused()
    {
        var (id, _) = await PublishAsync(ChallengeForms.Valid(Today));
        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SaveChallenge.Command { ChallengeId = id, Challenge = ChallengeForms.Valid(Today) }));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new SubmitChallenge.Command(id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new EvaluationPanel.Declare(id, Conflict: false)));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new Award.Cancel(id, " ")));
        await app.SendAsync(new Award.Cancel(id, "งบประมาณถูกตัด"));
        Assert.Equal(ChallengeState.Cancelled, (await StoredAsync(id)).State);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new Award.Cancel(id, "อีกครั้ง")));
    }
}
