using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Core.Data.Seeding;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Performance;

/// <summary>The seeded site plus 10,000 listings from 200 vendors, loaded through the bulk path, index rebuilt.</summary>
public sealed class TenThousandListings : IAsyncLifetime
{
    public const int Count = 10_000;
    public const int Vendors = 200;

    public SliceFixture Site { get; } = new();

    public TimeSpan LoadTime { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Site.InitializeAsync();
        var now = LoadedAt = Site.Clock.Now;
        var vendors = Enumerable.Range(1, Vendors).Select(v => new BulkVendor($"bulk-vendor-{v}", $"บริษัททดสอบ {v} จำกัด", $"Test Vendor {v}", "TH-10")).ToList();
        var listings = Enumerable.Range(1, Count).Select(i => new BulkListing(i % Vendors, $"bulk-{i}", new ListingContent
        {
            TitleTh = $"ระบบจัดการข้อมูลน้ำชุมชน {i}",
            SummaryTh = "ชุมชนติดตามคุณภาพน้ำและแจ้งเตือนเมื่อค่าผิดปกติ",
            DescriptionTh = "เซ็นเซอร์วัดคุณภาพน้ำส่งข้อมูลขึ้นระบบทุกชั่วโมง",
            Sector = (Sector)(i % 3),
            PrimaryCategory = 1 + i % 6,
            Provinces = ["TH-10"],
            Maturity = Maturity.Pilot,
            PricingModel = PricingModel.Free,
        }, now.AddMinutes(-i)));
        var clock = Stopwatch.StartNew();
        await BulkCatalogue.LoadAsync(Site.Services.GetRequiredService<IServiceScopeFactory>(), vendors, listings, now);
        LoadTime = clock.Elapsed;
        await Site.Search.RebuildAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}

/// <summary>
/// The queries public pages run, captured as EF Core sends them, must find their rows through an index at 10,000
/// listings (SQLite's EXPLAIN QUERY PLAN says SEARCH, not SCAN, for the listings table); search pages send none.
/// </summary>
public sealed partial class QueryPlanTests(TenThousandListings data) : IClassFixture<TenThousandListings>
{
    private SliceFixture Site => data.Site;

    [Fact]
    public async Task The_bulk_load_publishes_every_listing_and_the_index_holds_them()
    {
        var published = await Site.QueryDbAsync(db => db.Listings.CountAsync(l => l.Slug.StartsWith("bulk-") && l.Visibility == Visibility.Published));
        var changes = await Site.QueryDbAsync(db => db.ChangeLog.CountAsync(c => c.EntityType == Domain.Search.ChangeLogEntry.ListingEntity));

        Assert.Equal(TenThousandListings.Count, published);
        Assert.Equal(0, changes);
        Assert.True(Site.Search.Index.DocumentCount >= TenThousandListings.Count);
        Assert.True(data.LoadTime < TimeSpan.FromSeconds(60), $"loading took {data.LoadTime}");
    }

    [Fact]
    public async Task A_bulk_loaded_listing_reads_back_as_loaded_and_saves_through_the_context()
    {
        const int i = 4321;
        var listing = await Site.QueryDbAsync(db => db.Listings.Include(l => l.Vendor).SingleAsync(l => l.Slug == $"bulk-{i}"));

        Assert.Equal($"ระบบจัดการข้อมูลน้ำชุมชน {i}", listing.Live!.TitleTh);
        Assert.Equal(listing.Live.TitleTh, listing.Draft.TitleTh);
        Assert.Equal((Sector)(i % 3), listing.LiveSector);
        Assert.Equal(new[] { 1 + i % 6 }, listing.Live.Categories);
        Assert.Equal((Visibility.Published, ReviewState.Approved), (listing.Visibility, listing.Review));
        Assert.Equal(data.LoadedAt.AddMinutes(-i), listing.PublishedAt);
        Assert.Equal($"bulk-vendor-{i % TenThousandListings.Vendors + 1}", listing.Vendor!.Slug);

        // The row carries what the context needs to change it later (its concurrency version, its JSON columns).
        var version = await Site.QueryDbAsync(async db =>
        {
            var tracked = await db.Listings.SingleAsync(l => l.Id == listing.Id);
            tracked.Edit(tracked.Draft with { SummaryTh = "สรุปใหม่" }, data.LoadedAt);
            await db.SaveChangesAsync();
            return await db.Listings.Where(l => l.Id == listing.Id).Select(l => EF.Property<long>(l, ConcurrencyTokens.Version)).SingleAsync();
        });
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task A_search_page_sends_no_query_to_the_database()
    {
        Site.AsAnonymous();
        var (result, commands) = await CapturedAsync(() => Site.SendAsync(new SearchSolutions.Query(new SearchRequest("น้ำ", Sector: "CivilTech"))));

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, i => Assert.StartsWith("บริษัท", i.VendorNameTh));
        Assert.Empty(commands);
    }

    [Fact]
    public async Task Each_hot_public_query_finds_its_listings_through_an_index()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == DatabaseProvider.Sqlite, "EXPLAIN QUERY PLAN is SQLite's");
        Site.AsAnonymous();
        var (_, commands) = await CapturedAsync(async () =>
        {
            await Site.SendAsync(new ListingDetails.Query("bulk-4242"));
            await Site.SendAsync(new VendorProfile.Query("bulk-vendor-7"));
            await Site.SendAsync(new BrowseListings.Query(Sector: Sector.CivilTech));
            await Site.SendAsync(new BrowseChallenges.Query());
            await Site.SendAsync(new AwardRegister.Query());
            await Site.SendAsync(new PurchaseRegister.Query());
            await Site.Search.CatchUpAsync(CancellationToken.None);
            // A page of an index rebuild, far into the catalogue: a range of the primary key, not a scan.
            await Site.QueryDbAsync(db => SearchDocuments.LoadPublishedPageAsync(db, 5000, 100, DateOnly.FromDateTime(data.LoadedAt.UtcDateTime), CancellationToken.None));
            return 0;
        });

        Assert.NotEmpty(commands);
        var scans = new List<string>();
        foreach (var command in commands)
        {
            var listingAliases = ListingAlias().Matches(command.Sql).Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var step in await PlanAsync(command))
            {
                if (step.StartsWith("SCAN ", StringComparison.Ordinal) && listingAliases.Contains(step.Split(' ')[1]))
                    scans.Add($"{step}\n  in: {command.Sql}");
            }
        }
        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Fact]
    public async Task Each_OCDS_batch_query_reads_its_kind_through_the_index_of_its_date()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == DatabaseProvider.Sqlite, "EXPLAIN QUERY PLAN is SQLite's");
        // The sample data cancels no challenge: cancel one, so every kind has a release.
        await Site.AsUserAsync(DemoAccounts.Buyer);
        var saved = await Site.SendAsync(new SaveChallenge.Command { Challenge = Challenges.ChallengeForms.Valid(DateOnly.FromDateTime(Site.Clock.Now.UtcDateTime)) });
        await Site.SendAsync(new SubmitChallenge.Command(saved.ChallengeId));
        await Site.AsUserAsync(DemoAccounts.Moderator);
        await Site.SendAsync(new ModerateChallenge.Command { ChallengeId = saved.ChallengeId, Publish = true });
        await Site.AsUserAsync(DemoAccounts.Buyer);
        await Site.SendAsync(new Award.Cancel(saved.ChallengeId, "งบประมาณถูกตัด"));
        Site.AsAnonymous();
        // Batches of one: every kind with a release is read by a first batch and by keyset batches after it.
        var (_, commands) = await CapturedAsync(() => Transparency.OcdsPackages.ReadAsync(Site, new OcdsReleasePackage.Query(Transparency.OcdsPackages.Site) { BatchSize = 1 }));

        var expected = new Dictionary<string, string>
        {
            ["PublishedAt"] = "IX_Challenges_PublishedAt_State",
            ["AwardedAt"] = "IX_Challenges_State_AwardedAt",
            ["CancelledAt"] = "IX_Challenges_State_CancelledAt",
            ["RecordChangedAt"] = "IX_Orders_RecordChangedAt",
        };
        var batches = commands.Select(c => (Command: c, Match: BatchOrder().Match(c.Sql))).Where(b => b.Match.Success).ToList();
        foreach (var date in expected.Keys)
            Assert.True(batches.Count(b => b.Match.Groups[2].Value == date) >= 2, $"fewer than two batch queries ordered by {date}");
        var misses = new List<string>();
        foreach (var (command, match) in batches)
        {
            var (alias, index) = (match.Groups[1].Value, expected[match.Groups[2].Value]);
            var plan = await PlanAsync(command);
            if (!plan.Any(step => Regex.IsMatch(step, $"^SEARCH {alias} USING (COVERING )?INDEX {index} \\(")))
                misses.Add($"{string.Join(" / ", plan)}\n  in: {command.Sql}");
        }
        Assert.True(misses.Count == 0, string.Join("\n\n", misses));
    }

    private sealed record Captured(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Every command EF Core sends while the action runs, through its diagnostic events (no test-only wiring in the app).</summary>
    private async Task<(T Result, List<Captured> Commands)> CapturedAsync<T>(Func<Task<T>> action)
    {
        var commands = new List<Captured>();
        // Other test classes run at the same time in this process: keep only the commands sent to this class's database.
        var ours = await Site.QueryDbAsync(db =>
        {
            var connection = db.Database.GetDbConnection();
            return Task.FromResult((connection.DataSource, connection.Database));
        });
        using var listener = new CommandListener(commands, ours);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(listener);
        // EF Core caches whether anyone listens for up to a second (ConfigureLoggingCacheTime): commands sent sooner
        // could go unseen, and a test that misses them passes for the wrong reason.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var result = await action();
        lock (commands)
            return (result, commands.ToList());
    }

    private async Task<List<string>> PlanAsync(Captured command)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return steps;
    }

    private sealed class CommandListener(List<Captured> commands, (string DataSource, string Database) database) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
                _subscriptions.Add(value.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data)
                return;
            if ((data.Command.Connection?.DataSource, data.Command.Connection?.Database) != database)
                return;
            var sql = data.Command.CommandText;
            if (!sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                return;
            var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (commands)
                commands.Add(new Captured(sql, parameters));
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
    }

    [GeneratedRegex(@"""Listings"" AS ""(\w+)""")]
    private static partial Regex ListingAlias();

    /// <summary>An OCDS batch: ordered by its kind's date, then by the id as text, and limited to a batch.</summary>
    [GeneratedRegex(@"ORDER BY ""(\w+)""\.""(\w+)"", CAST\(""\w+""\.""Id"" AS TEXT\)\s+LIMIT")]
    private static partial Regex BatchOrder();
}
