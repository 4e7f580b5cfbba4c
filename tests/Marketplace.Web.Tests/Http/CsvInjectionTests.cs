using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Core.Data;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>Names and titles that a spreadsheet would run as formulas come out of every CSV as plain text.</summary>
public sealed class CsvInjectionTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Cells_starting_with_a_formula_character_are_prefixed_with_an_apostrophe_in_awards_csv()
    {
        using var visitor = Visitor.For(factory);
        await visitor.GetAsync("/");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            async Task Rename(string slug, string name) =>
                await db.Organisations.Where(o => o.Slug == slug).ExecuteUpdateAsync(o => o.SetProperty(x => x.NameTh, name));
            await Rename("pcd", "=HYPERLINK(\"http://evil.example\")");
            await Rename("fah-sai-air", "+1+1");
            await Rename("nhso", "@SUM(A1:A9)");
            await Rename("khonkaen-city", "\tcmd");
            await Rename("mekong-mobility", "\rcmd");
            // Written past the domain (as a raw UPDATE would), in SQL that every provider runs.
            var challenge = await db.Challenges.SingleAsync(c => c.Slug == "pcd-pm25-sensors");
            db.Entry(challenge).Property(c => c.Content).CurrentValue = challenge.Content with { TitleTh = "-2+3" };
            await db.SaveChangesAsync();
        }

        var bytes = await visitor.Http.GetByteArrayAsync("/awards.csv");

        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)), CultureInfo.InvariantCulture);
        var cells = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().SelectMany(r => r.Values).Cast<string>().ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\")", cells);
        Assert.Contains("'+1+1", cells);
        Assert.Contains("'@SUM(A1:A9)", cells);
        Assert.Contains("'\tcmd", cells);
        Assert.Contains("'\rcmd", cells);
        Assert.Contains("'-2+3", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0]));
    }
}
