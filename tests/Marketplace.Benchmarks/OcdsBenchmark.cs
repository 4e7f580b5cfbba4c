using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Procurement;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>
/// The OCDS release package over a generated register: the seeded site plus <c>challenges</c> public challenges (three
/// proposals each, half of them awarded, one in ten cancelled) and as many paid orders, walked through the real
/// transitions. Writes the package as the endpoint does (to a stream that discards it) and reports what was allocated
/// and the peak of live managed memory, sampled by full collections every few milliseconds (slow, but it measures what
/// the package holds, not when the collector happens to run).
/// </summary>
internal static class OcdsBenchmark
{
    public static async Task RunAsync(int challenges)
    {
        var folder = Path.Combine(Path.GetTempPath(), "marketplace-ocds-bench", Guid.NewGuid().ToString("N"));
        // WebApplicationFactory looks for the web project beside the solution file unless told where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_Marketplace_Web", Path.Combine(PageBenchmark.BenchSite.RepositoryRoot, "src", "Marketplace.Web"));
        try
        {
            using var site = new PageBenchmark.BenchSite(folder, backgroundServices: false);
            var clock = Stopwatch.StartNew();
            await GenerateAsync(site.Services, challenges);
            Console.WriteLine($"generated {challenges:N0} challenges and orders in {clock.Elapsed.TotalSeconds:F0} s");
            for (var run = 1; run <= 3; run++)
                Console.WriteLine($"run {run}: {await MeasureAsync(site.Services, sample: false)}");
            Console.WriteLine($"sampled: {await MeasureAsync(site.Services, sample: true)}");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> MeasureAsync(IServiceProvider services, bool sample)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (sample && !done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        long bytes;
        await using (var scope = services.CreateAsyncScope())
        {
            var package = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OcdsReleasePackage.Query("https://marketplace.example"));
            await using var body = new CountingStream();
            await JsonSerializer.SerializeAsync(body, package, package.GetType(), OcdsJson.Options);
            bytes = body.Length;
        }
        var elapsed = clock.Elapsed;
        var allocatedNow = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await done.CancelAsync();
        await sampler;
        var figures = string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB of JSON in {elapsed.TotalMilliseconds:F0} ms; allocated {allocatedNow / 1e6:F0} MB");
        return sample ? string.Create(CultureInfo.InvariantCulture, $"{figures}; peak live managed memory {(peak - baseline) / 1e6:F1} MB above the idle heap") : figures;
    }

    private static async Task GenerateAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<IClock>().Now;
        var agency = await db.Organisations.SingleAsync(o => o.Slug == "dga");
        var poster = await db.Users.Where(u => u.OrganisationId == agency.Id).Select(u => u.Id).FirstAsync();
        var vendors = await db.Organisations.Where(o => o.Slug == "budget-lens" || o.Slug == "open-ledger-th" || o.Slug == "docflow-solutions").ToListAsync();
        var listing = await db.Listings.Include(l => l.Vendor).SingleAsync(l => l.Slug == "health-record-wallet");
        var contents = await db.Challenges.Where(c => c.PublishedAt != null).Select(c => c.Content).ToListAsync();
        var package = listing.Live!.PilotPackages[0];
        for (var i = 0; i < count; i++)
        {
            var published = now.AddDays(-400).AddMinutes(i * 97);
            var challenge = new Challenge(agency.Id, poster, $"bench-challenge-{i}", contents[i % contents.Count] with { TitleTh = $"โจทย์ทดสอบ {i}" },
                published.AddDays(7), published.AddDays(30), published.AddDays(-2));
            db.Challenges.Add(challenge);
            challenge.Submit(published.AddDays(-1));
            challenge.Publish(agency, published);
            await db.SaveChangesAsync();
            var terms = new ProposalTerms(listing.Id, "แนวทางการทำงานที่เสนอ", 50_000_000, 90);
            var proposals = vendors.Select(v => challenge.ReceiveProposal(v.Id, poster, terms, null, published.AddDays(3))).ToList();
            db.Proposals.AddRange(proposals);
            if (i % 10 == 9)
                challenge.Cancel("ยกเลิก", published.AddDays(5));
            else if (i % 2 == 0)
            {
                var evaluated = challenge.ProposalsDeadline.AddDays(1);
                challenge.Declare(poster, conflict: false, null, evaluated);
                await db.SaveChangesAsync();
                var scores = proposals.Select(p => challenge.Score(poster, p, null, Enumerable.Repeat(7, challenge.Content.Criteria.Count).ToList(), null, evaluated)).ToList();
                challenge.Award(poster, proposals, scores, new Dictionary<int, long> { [proposals[0].Id] = 48_000_000 },
                    ChallengeDates.ThaiDay(evaluated.AddDays(2)), _ => "ขอบคุณ", evaluated.AddDays(2));
            }

            var order = new Order(
                new PackageSnapshot(listing.Id, listing.Slug, listing.Live.TitleTh, listing.Live.TitleEn, package.NameTh, package.NameEn,
                    package.PriceSatang, package.DurationDays, package.IncludesTh, package.IncludesEn),
                new PartiesSnapshot(listing.VendorId, listing.Vendor!.NameTh, listing.Vendor.NameEn, listing.Vendor.JuristicNumber!, "ที่อยู่", "สำนักงานใหญ่",
                    agency.Id, agency.NameTh, agency.NameEn, "ที่อยู่ผู้ซื้อ", null, poster, "ผู้ซื้อ"),
                PaymentRoute.Checkout, published.AddHours(1));
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            order.MarkPaid(published.AddHours(2));
            db.Payments.Add(new Payment(order.Id, Payment.Stripe, $"pi_bench_{order.Id}", order.TotalSatang, published.AddHours(2)));
            order.StartDelivery(published.AddDays(1));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            db.Attach(agency);
        }
    }

    /// <summary>Counts what is written and keeps nothing, as a fast client would.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
