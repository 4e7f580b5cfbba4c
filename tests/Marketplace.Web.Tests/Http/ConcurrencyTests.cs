using System.Net;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// The site with a hook that plays "someone else" at the worst moment: just before a request saves, it changes the same
/// row (or inserts the same slug), as a second person or instance would between this request's read and its write.
/// </summary>
public sealed class RaceFactory : MarketplaceFactory
{
    public Race Race { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<MarketplaceDbContext>(o => o.AddInterceptors(Race)));
    }
}

public sealed class Race : SaveChangesInterceptor
{
    private Func<MarketplaceDbContext, Task<bool>>? _before;

    /// <summary>Runs once, before the first save for which it returns true.</summary>
    public void Arm(Func<MarketplaceDbContext, Task<bool>> before) => _before = before;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Taken out while it runs, so the colleague's own save inside it does not trigger it again.
        if (eventData.Context is MarketplaceDbContext db && Interlocked.Exchange(ref _before, null) is { } before && !await before(db))
            Interlocked.CompareExchange(ref _before, before, null);
        return result;
    }
}

public sealed class ConcurrencyTests(RaceFactory factory) : IClassFixture<RaceFactory>
{
    private const string Vendor = "vendor@demo.govtech.example";

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private static Dictionary<string, string> ListingFields(string titleTh, string summaryTh) => new()
    {
        ["Input.Listing.TitleTh"] = titleTh,
        ["Input.Listing.SummaryTh"] = summaryTh,
        ["Input.Listing.DescriptionTh"] = string.Concat(Enumerable.Repeat("ชาวบ้านถ่ายรูปถนนที่ชำรุดแล้วส่งให้เทศบาลได้ทันที เจ้าหน้าที่เห็นตำแหน่งบนแผนที่และแจ้งผลกลับ ", 4)),
        ["Input.Listing.Sector"] = "CivilTech",
        ["Input.Listing.PrimaryCategory"] = "2",
        ["Input.Listing.Provinces"] = "TH-50",
        ["Input.Listing.Maturity"] = "Pilot",
        ["Input.Listing.PricingModel"] = "OneOff",
        ["Input.Listing.PriceBaht"] = "120,000.50",
    };

    private static async Task<int> CreateAsync(Visitor vendor, string title)
    {
        using var response = await vendor.PostFormAsync("/vendor/listings/edit", ListingFields(title, "ประชาชนแจ้งถนนชำรุดพร้อมรูปและพิกัด เทศบาลติดตามงานซ่อมได้ในที่เดียว"), "/vendor/listings/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Two_people_open_the_same_listing_form_and_both_save_the_second_sees_the_notice_and_the_first_values_stay()
    {
        using var first = Visitor.For(factory);
        using var second = Visitor.For(factory);
        await first.SignInAsync(Vendor);
        await second.SignInAsync(Vendor);
        var id = await CreateAsync(first, "ระบบแจ้งซ่อมไฟทาง " + Guid.NewGuid().ToString("N")[..6]);
        var title = (await Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id))).Draft.TitleTh;
        var page = $"/vendor/listings/edit/{id}";

        // Both open the form: each page carries the version it shows.
        var seenByFirst = VersionOn((await first.GetAsync(page)).Html);
        var seenBySecond = VersionOn((await second.GetAsync(page)).Html);
        Assert.Equal(seenByFirst, seenBySecond);
        const string firsts = "สรุปของคนแรก: แจ้งไฟทางดับพร้อมพิกัด เทศบาลติดตามงานซ่อมได้ทันที";
        const string seconds = "สรุปของคนที่สอง: แจ้งท่อระบายน้ำอุดตัน พร้อมติดตามผลการซ่อม";

        using (var saved = await first.PostFormAsync(page, new Dictionary<string, string>(ListingFields(title, firsts)) { ["Input.Version"] = seenByFirst }, $"{page}?handler=Save"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var stale = await second.PostFormAsync(page, new Dictionary<string, string>(ListingFields(title, seconds)) { ["Input.Version"] = seenBySecond }, $"{page}?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.Equal(page, stale.Headers.Location!.OriginalString);
        }

        Assert.Equal(firsts, (await Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id))).Draft.SummaryTh);
        var (_, shown) = await second.GetAsync($"{page}?culture=en-US");
        Assert.Contains("Someone else changed this before you saved", shown);
        Assert.Contains(firsts, shown);
        Assert.DoesNotContain(seconds, shown);
    }

    private static string VersionOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Version\" value=\"([0-9]+)\"") is { Success: true } m
            ? m.Groups[1].Value : throw new InvalidOperationException("The form carries no version");

    [Fact]
    public async Task A_save_that_lost_a_race_shows_the_current_version_with_a_notice_and_overwrites_nothing()
    {
        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync(Vendor);
        var id = await CreateAsync(vendor, "ระบบแจ้งซ่อมถนน " + Guid.NewGuid().ToString("N")[..6]);
        const string theirs = "สรุปที่เพื่อนร่วมงานบันทึกไปก่อน: แจ้งถนนชำรุดและไฟทางดับ ติดตามงานซ่อมได้";
        const string mine = "สรุปของฉันที่บันทึกทีหลัง: แจ้งท่อระบายน้ำอุดตัน พร้อมติดตามผลการซ่อม";

        var original = (await Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id))).Draft.SummaryTh;
        // A colleague saves the listing between this request's read and its write. On SQLite a command holds the write
        // lock from its first statement (BEGIN IMMEDIATE), so no one can save in between: there the colleague's save is
        // played inside the request's own transaction, and rolls back with it.
        var sqlite = factory.Database.Provider == Marketplace.Core.Data.DatabaseProvider.Sqlite;
        factory.Race.Arm(async db =>
        {
            if (!db.ChangeTracker.Entries<Listing>().Any(e => e.State == EntityState.Modified && e.Entity.Id == id))
                return false;
            if (sqlite)
            {
                await db.Listings.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => EF.Property<long>(l, ConcurrencyTokens.Version), l => EF.Property<long>(l, ConcurrencyTokens.Version) + 1));
                return true;
            }
            var colleague = factory.Services.CreateScope();
            var other = colleague.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            var listing = await other.Listings.SingleAsync(l => l.Id == id);
            other.Entry(listing).Property(l => l.Draft).CurrentValue = listing.Draft with { SummaryTh = theirs };
            await other.SaveChangesAsync();
            colleague.Dispose();
            return true;
        });
        var fields = ListingFields((await Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id))).Draft.TitleTh, mine);
        using var response = await vendor.PostFormAsync($"/vendor/listings/edit/{id}", fields, $"/vendor/listings/edit/{id}?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/vendor/listings/edit/{id}", response.Headers.Location!.OriginalString);
        var stored = await Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));
        var current = sqlite ? original : theirs;
        Assert.Equal(current, stored.Draft.SummaryTh);
        var (status, page) = await vendor.GetAsync($"/vendor/listings/edit/{id}?culture=en-US");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Someone else changed this before you saved", page);
        Assert.Contains(current, page);
        Assert.DoesNotContain(mine, page);
    }

    [Fact]
    public async Task A_listing_created_with_a_slug_someone_took_a_moment_earlier_ends_in_a_message_not_a_500()
    {
        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync(Vendor);
        // Someone else's insert takes the slug this request is about to use, after its uniqueness check.
        factory.Race.Arm(async db =>
        {
            var added = db.ChangeTracker.Entries<Listing>().FirstOrDefault(e => e.State == EntityState.Added);
            if (added is null)
                return false;
            var existing = await db.Listings.AsNoTracking().Where(l => l.Id != 0).OrderBy(l => l.Id).Select(l => l.Slug).FirstAsync();
            added.Property(l => l.Slug).CurrentValue = existing;
            return true;
        });
        var before = await Db(db => db.Listings.CountAsync());
        using var response = await vendor.PostFormAsync("/vendor/listings/edit", ListingFields("ระบบแจ้งซ่อมถนน " + Guid.NewGuid().ToString("N")[..6], "ประชาชนแจ้งถนนชำรุดพร้อมรูปและพิกัด เทศบาลติดตามงานซ่อมได้ในที่เดียว"), "/vendor/listings/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/vendor/listings/edit", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await Db(db => db.Listings.CountAsync()));
        var (_, page) = await vendor.GetAsync("/vendor/listings/edit?culture=en-US");
        Assert.Contains("Someone else saved the same thing a moment before you", page);
    }
}
