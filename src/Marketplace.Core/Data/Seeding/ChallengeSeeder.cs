using System.Globalization;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data.Seeding;

/// <summary>
/// Loads seed-data/challenges.json. Dates in the file are days relative to the moment of loading, and each
/// challenge is walked through the real domain transitions (submit, publish, close, evaluate, award) at those
/// moments, so sample data obeys the same rules as real data.
/// </summary>
internal sealed class ChallengeSeeder(MarketplaceDbContext db, DateTimeOffset now)
{
    public async Task LoadAsync(string folder, IReadOnlyDictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var rows = await SeedFiles.ReadAsync<List<SeedChallenge>>(folder, "challenges.json", ct);
        var users = await db.Users.Select(u => new { u.Id, u.Email, u.OrganisationId }).ToListAsync(ct);
        var listings = await db.Listings.Select(l => new { l.Id, l.Slug }).ToDictionaryAsync(l => l.Slug, l => l.Id, ct);
        string MemberOf(int organisationId) => users.First(u => u.OrganisationId == organisationId).Id;

        foreach (var row in rows)
        {
            var agency = organisations[row.Agency];
            var poster = users.FirstOrDefault(u => u.Email == row.PostedBy)?.Id ?? MemberOf(agency.Id);
            var published = now.AddDays(-(row.PublishedDaysAgo ?? 0));
            var challenge = new Challenge(agency.Id, poster, row.Key, row.ToContent(), now.AddDays(row.QuestionsDeadlineDays),
                now.AddDays(row.ProposalsDeadlineDays), published.AddDays(-3));
            db.Challenges.Add(challenge);
            if (row.State != "Draft")
                challenge.Submit(published.AddDays(-1));
            if (row.State is "Draft" or "Submitted")
                continue;
            challenge.Publish(agency, published);
            await db.SaveChangesAsync(ct);
            db.Documents.Add(challenge.AttachDocument(DocumentKind.TermsOfReference, $"{challenge.Slug}-terms-of-reference.pdf",
                TermsOfReference(challenge, agency), poster, published));

            foreach (var q in row.Questions ?? [])
            {
                var vendor = organisations[q.AskedByVendor];
                var question = challenge.Ask(vendor.Id, MemberOf(vendor.Id), q.QuestionTh, published.AddDays(2));
                db.ChallengeQuestions.Add(question);
                if (q.AnswerTh is not null)
                    challenge.Answer(question, q.AnswerTh, published.AddDays(3));
            }
            var proposals = (row.Proposals ?? []).Select(p =>
            {
                var vendor = organisations[p.Vendor];
                return (Seed: p, Entity: challenge.ReceiveProposal(vendor.Id, MemberOf(vendor.Id),
                    new ProposalTerms(listings[p.Solution], p.ApproachTh, p.PriceSatang, p.TimelineDays), null, published.AddDays(5)));
            }).ToList();
            db.Proposals.AddRange(proposals.Select(p => p.Entity));
            if (row.State == "Published")
                continue;

            var evaluated = challenge.ProposalsDeadline.AddDays(1);
            challenge.Declare(poster, conflict: false, null, evaluated);
            await db.SaveChangesAsync(ct);
            var scores = proposals.Where(p => p.Seed.Scores is not null)
                .Select(p => challenge.Score(poster, p.Entity, null, p.Seed.Scores!, null, evaluated)).ToList();
            db.ProposalScores.AddRange(scores);
            foreach (var (seed, proposal) in proposals.Where(p => p.Seed.Shortlisted == true && p.Seed.Awarded != true))
                challenge.Shortlist(poster, proposal, evaluated);
            if (row.State != "Awarded")
                continue;

            var awardedAt = now.AddDays(-(row.AwardedDaysAgo ?? 0));
            var winners = proposals.Where(p => p.Seed.Awarded == true)
                .ToDictionary(p => p.Entity.Id, p => p.Seed.ContractValueSatang ?? p.Seed.PriceSatang);
            var feedback = proposals.ToDictionary(p => p.Entity, p => p.Seed.FeedbackTh ?? "");
            challenge.Award(poster, proposals.Select(p => p.Entity).ToList(), scores, winners, ChallengeDates.ThaiDay(awardedAt), p => feedback[p], awardedAt);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A small real PDF per published sample challenge, so documents work end to end from the run command.</summary>
    private static byte[] TermsOfReference(Challenge challenge, Organisation agency) =>
        SimplePdf.Create($"Terms of reference: {challenge.Content.TitleEn ?? challenge.Slug}",
        [
            $"Agency: {agency.NameEn}",
            string.Create(CultureInfo.InvariantCulture, $"Budget: THB {challenge.Content.BudgetMinSatang / 100:N0} - {challenge.Content.BudgetMaxSatang / 100:N0}"),
            string.Create(CultureInfo.InvariantCulture, $"Questions until: {challenge.QuestionsDeadline:yyyy-MM-dd}; proposals until: {challenge.ProposalsDeadline:yyyy-MM-dd}"),
            .. challenge.Content.Criteria.Select(c => $"Criterion: {c.NameEn ?? "(Thai only)"} - weight {c.Weight}%"),
            "Sample document generated by the GovTech Marketplace seed data.",
        ]);
}
