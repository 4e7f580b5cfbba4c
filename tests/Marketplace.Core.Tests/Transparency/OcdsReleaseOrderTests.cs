using System.Text;
using System.Text.Json;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>
/// The streamed package over releases that share their dates (<see cref="CollidingReleasesFixture"/>): the order,
/// the published date, what stays private, and a reader that stops half-way.
/// </summary>
public sealed class OcdsReleaseOrderTests(CollidingReleasesFixture app) : IClassFixture<CollidingReleasesFixture>
{
    private Task<int> ChallengeIdAsync(string slug) => app.QueryDbAsync(db => db.Challenges.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Releases_of_every_kind_come_by_date_then_ordinal_id_so_ties_across_kinds_and_digit_counts_keep_one_order()
    {
        var (_, releases) = await OcdsPackages.ReadAsync(app);

        Assert.Equal(releases.OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), releases.Select(r => r.Id));
        // Contract releases of orders sit among the challenges' releases by date, not after them.
        static bool IsOrder(OcdsRelease r) => r.Ocid.Contains("-order-", StringComparison.Ordinal);
        var (first, last) = (releases.FindIndex(IsOrder), releases.FindLastIndex(IsOrder));
        Assert.Contains(releases[..first], r => !IsOrder(r));
        Assert.Contains(releases[first..last], r => !IsOrder(r));

        // Two tenders published at one moment: "ocds-gtmkt-15-tender" before "ocds-gtmkt-2-tender", as ordinal text sorts.
        var tied = await ChallengeIdAsync("tie-with-seeded-tender");
        Assert.True(tied > 9 && app.SeededTender.Id < 10);
        string[] tenders = [OcdsIdentifiers.TenderRelease(tied), OcdsIdentifiers.TenderRelease(app.SeededTender.Id)];
        Assert.Equal(tenders, releases.Where(r => r.Date == app.SeededTender.PublishedAt && tenders.Contains(r.Id)).Select(r => r.Id));

        // At one moment an award, a cancellation, a publication and five orders (paid, completed, refunded) all changed.
        var atMoment = releases.Where(r => r.Date == app.Moment).Select(r => r.Id).ToList();
        var award = OcdsIdentifiers.AwardRelease(await ChallengeIdAsync("tie-award"));
        var cancellation = OcdsIdentifiers.CancellationRelease(await ChallengeIdAsync("tie-cancellation"));
        var publication = OcdsIdentifiers.TenderRelease(await ChallengeIdAsync("tie-publication"));
        Assert.Equal([award, cancellation, publication], atMoment.Where(id => id == award || id == cancellation || id == publication));
        var orders = atMoment.Where(id => id.Contains("-order-", StringComparison.Ordinal)).ToList();
        Assert.True(orders.Count >= 5);
        Assert.Equal(orders.Order(StringComparer.Ordinal), orders);
        Assert.True(atMoment.IndexOf(publication) < atMoment.IndexOf(orders[0]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Batches_of_any_size_write_the_same_bytes_even_when_a_batch_ends_inside_a_tie(int batchSize)
    {
        var whole = await OcdsPackages.JsonAsync(app);

        var batched = await OcdsPackages.JsonAsync(app, new OcdsReleasePackage.Query(OcdsPackages.Site) { BatchSize = batchSize });

        Assert.Equal(Encoding.UTF8.GetString(whole), Encoding.UTF8.GetString(batched));
    }

    [Fact]
    public async Task The_published_date_is_the_latest_release_date_and_is_written_before_the_releases()
    {
        var (package, releases) = await OcdsPackages.ReadAsync(app);
        var json = await OcdsPackages.JsonAsync(app);

        Assert.Equal(releases.Max(r => r.Date), package.PublishedDate);
        Assert.NotEqual(app.Clock.Now, package.PublishedDate);
        var reader = new Utf8JsonReader(json);
        var names = new List<string>();
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                names.Add(reader.GetString()!);
        Assert.Equal(["uri", "version", "publishedDate", "publisher", "releases"], names);
        Assert.Equal(package.PublishedDate, JsonDocument.Parse(json).RootElement.GetProperty("publishedDate").GetDateTimeOffset());
    }

    [Fact]
    public async Task Drafts_challenges_waiting_for_moderation_withdrawn_proposals_and_unpaid_orders_never_appear()
    {
        var (_, releases) = await OcdsPackages.ReadAsync(app);
        var json = Encoding.UTF8.GetString(await OcdsPackages.JsonAsync(app));
        var hidden = await app.QueryDbAsync(async db => new
        {
            Challenges = await db.Challenges.Where(c => c.State == ChallengeState.Draft || c.State == ChallengeState.Submitted)
                .Select(c => new { c.Id, c.Slug }).ToListAsync(),
            Orders = await db.Orders.Where(o => o.PaidAt == null).Select(o => o.Id).ToListAsync(),
            Withdrawn = await db.Proposals.Where(p => p.State == ProposalState.Withdrawn && db.Challenges.Any(c => c.Id == p.ChallengeId && c.Slug == "tie-award"))
                .Select(p => p.Vendor!.Slug).SingleAsync(),
        });

        Assert.Superset(CollidingReleasesFixture.NeverPublic.ToHashSet(), hidden.Challenges.Select(c => c.Slug).ToHashSet());
        Assert.All(hidden.Challenges, c =>
        {
            Assert.DoesNotContain(releases, r => r.Ocid == OcdsIdentifiers.Ocid(c.Id));
            Assert.DoesNotContain(c.Slug, json, StringComparison.Ordinal);
        });
        Assert.NotEmpty(hidden.Orders);
        Assert.All(hidden.Orders, id => Assert.DoesNotContain(releases, r => r.Ocid == OcdsContracts.Ocid(id)));
        // Three proposals, one withdrawn: two competed, and the withdrawn vendor is named nowhere in the release.
        var awardId = OcdsIdentifiers.AwardRelease(await ChallengeIdAsync("tie-award"));
        var award = releases.Single(r => r.Id == awardId);
        Assert.Equal(2, award.Tender.NumberOfTenderers);
        Assert.DoesNotContain(award.Parties, p => p.Id == OcdsIdentifiers.Party(hidden.Withdrawn));
    }

    [Fact]
    public async Task A_reader_that_stops_half_way_cancels_the_reading_and_leaves_nothing_behind()
    {
        var complete = (await OcdsPackages.ReadAsync(app)).Releases.Count;
        using var stop = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var package = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
                .Send(new OcdsReleasePackage.Query(OcdsPackages.Site) { BatchSize = 2 });
            await foreach (var _ in package.Releases.WithCancellation(stop.Token))
                if (++read == 3)
                    await stop.CancelAsync();
        });

        Assert.Equal(3, read);
        Assert.Equal(complete, (await OcdsPackages.ReadAsync(app)).Releases.Count);
    }
}
