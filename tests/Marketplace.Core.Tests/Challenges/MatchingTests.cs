using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Matching;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Challenges;

public sealed class MatchingTests(SliceFixture app, ITestOutputHelper output) : IClassFixture<SliceFixture>
{
    private async Task<IReadOnlyList<VendorMatch>> MatchAsync(Challenge challenge, int max = 10)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VendorMatcher>().MatchAsync(challenge, max, CancellationToken.None);
    }

    [Fact]
    public async Task The_vendors_that_won_sample_challenges_rank_in_the_top_five()
    {
        var awarded = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Awarded).ToListAsync());
        var hits = 0;
        foreach (var challenge in awarded)
        {
            var winners = await app.QueryDbAsync(db => db.Proposals.Where(p => p.ChallengeId == challenge.Id && p.State == ProposalState.Awarded).Select(p => p.VendorId).ToListAsync());
            var ranking = (await MatchAsync(challenge, 30)).Select(m => m.VendorId).ToList();
            var rank = winners.Select(w => ranking.IndexOf(w) + 1).Where(r => r > 0).DefaultIfEmpty(0).Min();
            output.WriteLine($"{challenge.Slug}: winner ranked {(rank == 0 ? "not in top 30" : rank.ToString())}");
            if (rank is > 0 and <= 5)
                hits++;
        }
        output.WriteLine($"winners in the top 5: {hits} of {awarded.Count}");
        Assert.NotEmpty(awarded);
        Assert.True(hits * 4 >= awarded.Count * 3, $"only {hits} of {awarded.Count} winners ranked in the top 5");
    }

    [Fact]
    public async Task Every_vendor_that_proposed_to_a_sample_challenge_is_among_its_matches()
    {
        var challenges = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().Where(c => c.PublishedAt != null).ToListAsync());
        int found = 0, total = 0;
        foreach (var challenge in challenges)
        {
            var proposers = await app.QueryDbAsync(db => db.Proposals.Where(p => p.ChallengeId == challenge.Id).Select(p => p.VendorId).ToListAsync());
            var matched = (await MatchAsync(challenge, 10)).Select(m => m.VendorId).ToHashSet();
            total += proposers.Count;
            found += proposers.Count(matched.Contains);
        }
        output.WriteLine($"proposers among the top-10 matches: {found} of {total}");
        Assert.True(found * 10 >= total * 7, $"only {found} of {total} proposing vendors were matched");
    }

    [Fact]
    public async Task The_reasons_name_terms_the_challenge_and_the_solution_really_share()
    {
        var challenge = await app.QueryDbAsync(db => db.Challenges.AsNoTracking().FirstAsync(c => c.State == ChallengeState.Published));
        var best = (await MatchAsync(challenge)).First();
        var listing = await app.QueryDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == best.ListingId));

        Assert.NotEmpty(best.SharedTerms);
        var challengeText = string.Join(' ', challenge.Content.TitleTh, challenge.Content.ProblemTh, challenge.Content.OutcomesTh,
            challenge.Content.TitleEn, challenge.Content.ProblemEn, challenge.Content.OutcomesEn).ToLowerInvariant();
        var listingText = string.Join(' ', listing.Live!.TitleTh, listing.Live.TitleEn, listing.Live.SummaryTh, listing.Live.SummaryEn,
            listing.Live.DescriptionTh, listing.Live.DescriptionEn, string.Join(' ', listing.Live.Tags)).ToLowerInvariant();
        foreach (var term in best.SharedTerms)
        {
            Assert.Contains(term.ToLowerInvariant(), challengeText);
            Assert.Contains(term.ToLowerInvariant(), listingText);
        }
        Assert.Equal(listing.Live.Categories.Contains(challenge.Content.Category), best.SameCategory);
    }

    [Fact]
    public async Task The_reasons_are_in_the_page_language_when_the_challenge_has_words_in_it()
    {
        var challenge = (await app.QueryDbAsync(db => db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Published).ToListAsync()))
            .First(c => c.Content.TitleEn is not null);

        IReadOnlyList<string> english, thai;
        using (new EnglishCulture())
            english = (await MatchAsync(challenge)).First().SharedTerms;
        using (new ThaiCulture())
            thai = (await MatchAsync(challenge)).First().SharedTerms;

        Assert.NotEmpty(english);
        Assert.DoesNotContain(english, t => t.Any(c => c is >= '\u0E00' and <= '\u0E7F'));
        Assert.NotEmpty(thai);
        Assert.All(thai, t => Assert.Contains(t, c => c is >= '\u0E00' and <= '\u0E7F'));
    }

    [Fact]
    public async Task A_Thai_only_challenge_matches_a_Thai_only_listing()
    {
        var thaiOnly = (await app.QueryDbAsync(db => db.Listings.AsNoTracking().Include(l => l.Vendor).Where(l => l.Visibility == Visibility.Published).ToListAsync()))
            .First(l => l.Live!.TitleEn is null && l.Live.DescriptionEn is null);
        var content = new ChallengeContent
        {
            TitleTh = "ต้องการ" + thaiOnly.Live!.TitleTh,
            ProblemTh = thaiOnly.Live.SummaryTh,
            OutcomesTh = "หน่วยงานใช้งานได้จริงภายในหกเดือน",
            Sector = thaiOnly.Live.Sector,
            Category = thaiOnly.Live.PrimaryCategory,
            Criteria = [new Criterion("แนวทาง", null, 100)],
            ContactEmail = "x@agency.example",
        };
        var challenge = new Challenge(1, "nobody", "thai-only", content, app.Clock.Now.AddDays(20), app.Clock.Now.AddDays(30), app.Clock.Now);

        var matches = await MatchAsync(challenge, 5);
        Assert.Contains(matches, m => m.ListingId == thaiOnly.Id);
    }
}
