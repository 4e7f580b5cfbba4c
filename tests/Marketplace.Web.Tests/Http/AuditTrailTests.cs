using System.Net;
using System.Text;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The audit trail reads in words, filters by Thai days and by who acted, and exports what it shows as safe CSV.</summary>
public sealed class AuditTrailTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task The_trail_filters_by_date_and_actor_shows_labels_and_exports_the_same_rows_as_csv()
    {
        var actor = "auditor-" + Guid.NewGuid().ToString("N")[..6] + "@example.go.th";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            // 2027-03-01 00:30 in Bangkok is still 28 February in UTC: the Thai day is what counts.
            db.AuditEvents.Add(new AuditEvent(new DateTimeOffset(2027, 2, 28, 17, 30, 0, TimeSpan.Zero), null, actor, "DecideListing", "Listing", "7", "=HYPERLINK(\"x\")"));
            db.AuditEvents.Add(new AuditEvent(new DateTimeOffset(2027, 3, 5, 3, 0, 0, TimeSpan.Zero), null, actor, "Proposals.Send", "Proposal", "8", "later"));
            await db.SaveChangesAsync();
        }
        using var moderator = Visitor.For(factory);
        await moderator.SignInAsync("moderator@demo.govtech.example");
        var query = $"From=2027-03-01&To=2027-03-01&Actor={Uri.EscapeDataString(actor)}";

        var (status, html) = await moderator.GetAsync($"/moderation/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ตัดสินรายการโซลูชัน", html);
        Assert.DoesNotContain(">DecideListing", html);
        Assert.DoesNotContain("ส่งข้อเสนอ", html);
        Assert.Contains("data-testid=\"audit-region\"", html);
        Assert.Contains("tabindex=\"0\" role=\"region\"", html);

        var bytes = await moderator.Http.GetByteArrayAsync($"/moderation/audit?handler=Csv&{query}");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2027-03-01 00:30:00,", lines[1]);
        Assert.Contains("ตัดสินรายการโซลูชัน", lines[1]);
        Assert.Contains("'=HYPERLINK", lines[1]);
    }

    [Fact]
    public async Task A_summary_reads_in_the_pages_language_on_the_page_and_in_the_csv_never_as_a_key()
    {
        var actor = "auditor-" + Guid.NewGuid().ToString("N")[..6] + "@example.go.th";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            db.AuditEvents.Add(new AuditEvent(new DateTimeOffset(2027, 4, 2, 3, 0, 0, TimeSpan.Zero), null, actor, "DecideOrganisation", "Organisation", "9",
                TextArg.Of("Audit.Summary.OrganisationRejected", TextArg.Bilingual("บริษัท ทดสอบ จำกัด", "Test Company"), TextArg.Plain("เอกสารไม่ครบ"))));
            await db.SaveChangesAsync();
        }
        using var moderator = Visitor.For(factory);
        await moderator.SignInAsync("moderator@demo.govtech.example");
        var query = $"Actor={Uri.EscapeDataString(actor)}";

        var (_, thai) = await moderator.GetAsync($"/moderation/audit?{query}&culture=th-TH");
        Assert.Contains("ไม่ยืนยัน &#x27;บริษัท ทดสอบ จำกัด&#x27;: เอกสารไม่ครบ", thai);
        var (_, english) = await moderator.GetAsync($"/moderation/audit?{query}&culture=en-US");
        Assert.Contains("Rejected &#x27;Test Company&#x27;: เอกสารไม่ครบ", english);
        var csv = Encoding.UTF8.GetString(await moderator.Http.GetByteArrayAsync($"/moderation/audit?handler=Csv&{query}&culture=en-US"));
        Assert.Contains("Rejected 'Test Company': เอกสารไม่ครบ", csv);
        Assert.All(new[] { thai, english, csv }, text => Assert.DoesNotContain("Audit.Summary", text));
    }
}
