using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>
/// The seeded site plus releases that share their dates, walked through the real transitions: a tender published at
/// the very moment a seeded one was (ids of one and two digits, so ordinal and numeric order differ), and at
/// <see cref="Moment"/> an award, a cancellation, a publication and five paid orders (the last with a refund) whose
/// latest change all fall at once. Around them what must never be published: a draft, a challenge waiting for
/// moderation, a withdrawn proposal and an unpaid order.
/// </summary>
public sealed class CollidingReleasesFixture : SliceFixture, IAsyncLifetime
{
    public DateTimeOffset Moment => Clock.Now.AddDays(-20);

    public (int Id, DateTimeOffset PublishedAt) SeededTender { get; private set; }

    public static readonly string[] NeverPublic = ["never-submitted", "waiting-for-moderation"];

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await QueryDbAsync(async db =>
        {
            var agency = await db.Organisations.SingleAsync(o => o.Slug == "dga");
            var poster = await db.Users.Where(u => u.OrganisationId == agency.Id).Select(u => u.Id).FirstAsync();
            // A seeded public challenge with a one-digit id above 1: the new one (two digits) sorts before it, ordinally.
            var seeded = await db.Challenges.Where(c => c.PublishedAt != null && c.Id >= 2 && c.Id <= 9).OrderBy(c => c.Id).FirstAsync();
            SeededTender = (seeded.Id, seeded.PublishedAt!.Value);
            var listing = await db.Listings.Include(l => l.Vendor).SingleAsync(l => l.Slug == "health-record-wallet");
            var vendors = await db.Organisations.Where(o => o.Slug == "budget-lens" || o.Slug == "open-ledger-th" || o.Slug == "docflow-solutions")
                .OrderBy(o => o.Slug).ToListAsync();

            Challenge Challenge(string slug, DateTimeOffset published, bool publish = true)
            {
                var content = new ChallengeContent { TitleTh = "โจทย์ชนเวลา " + slug, ProblemTh = "ปัญหา", BudgetMinSatang = 10_000_000, BudgetMaxSatang = 90_000_000 };
                var challenge = new Challenge(agency.Id, poster, slug, content, published.AddDays(7), published.AddDays(30), published.AddDays(-2));
                db.Challenges.Add(challenge);
                if (publish)
                {
                    challenge.Submit(published.AddDays(-1));
                    challenge.Publish(agency, published);
                }
                return challenge;
            }

            Challenge("tie-with-seeded-tender", SeededTender.PublishedAt);
            var awarded = Challenge("tie-award", Moment.AddDays(-40));
            var cancelled = Challenge("tie-cancellation", Moment.AddDays(-10));
            Challenge("tie-publication", Moment);
            Challenge(NeverPublic[0], Moment.AddDays(-5), publish: false);
            var pending = Challenge(NeverPublic[1], Moment.AddDays(-5), publish: false);
            pending.Submit(Moment.AddDays(-5));
            await db.SaveChangesAsync();

            var terms = new ProposalTerms(listing.Id, "แนวทาง", 50_000_000, 90);
            var proposals = vendors.Select(v => awarded.ReceiveProposal(v.Id, poster, terms, null, Moment.AddDays(-35))).ToList();
            db.Proposals.AddRange(proposals);
            awarded.WithdrawProposal(proposals[2], Moment.AddDays(-34));
            var evaluated = awarded.ProposalsDeadline.AddDays(1);
            awarded.Declare(poster, conflict: false, null, evaluated);
            await db.SaveChangesAsync();
            var standing = proposals.Take(2).ToList();
            var scores = standing.Select(p => awarded.Score(poster, p, null, [], null, evaluated)).ToList();
            awarded.Award(poster, standing, scores, new Dictionary<int, long> { [standing[0].Id] = 48_000_000 }, ChallengeDates.ThaiDay(Moment), _ => "ขอบคุณ", Moment);
            cancelled.Cancel("ยกเลิกเพื่อทดสอบ", Moment);
            await db.SaveChangesAsync();

            var package = listing.Live!.PilotPackages[0];
            for (var i = 0; i < 6; i++)
            {
                var order = new Order(
                    new PackageSnapshot(listing.Id, listing.Slug, listing.Live.TitleTh, listing.Live.TitleEn, package.NameTh, package.NameEn,
                        package.PriceSatang, package.DurationDays, package.IncludesTh, package.IncludesEn),
                    new PartiesSnapshot(listing.VendorId, listing.Vendor!.NameTh, listing.Vendor.NameEn, listing.Vendor.JuristicNumber!, "ที่อยู่", "สำนักงานใหญ่",
                        agency.Id, agency.NameTh, agency.NameEn, "ที่อยู่ผู้ซื้อ", null, poster, "ผู้ซื้อ"),
                    PaymentRoute.Checkout, Moment.AddDays(-30 + i));
                db.Orders.Add(order);
                await db.SaveChangesAsync();
                if (i == 5)
                    break; // placed and never paid
                var paidAt = i < 2 ? Moment : Moment.AddDays(-20 + i);
                order.MarkPaid(paidAt);
                var payment = new Payment(order.Id, Payment.Stripe, $"pi_tie_{order.Id}", order.TotalSatang, paidAt);
                db.Payments.Add(payment);
                if (i is 2 or 3)
                {
                    order.StartDelivery(paidAt.AddDays(1));
                    order.Complete(Moment);
                }
                if (i == 4)
                {
                    order.StartDelivery(paidAt.AddDays(1));
                    payment.RecordRefund(order, order.TotalSatang, Moment);
                    order.MarkRefunded(Moment.AddDays(-1));
                }
                await db.SaveChangesAsync();
            }
            return 0;
        });
    }
}
