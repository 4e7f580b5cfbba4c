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
                await db.Database.ExecuteSqlRawAsync("UPDATE Organisations SET NameTh = {0} WHERE Slug = {1}", name, slug);
            await Rename("pcd", "=HYPERLINK(\"http://evil.example\")");
            await Rename("fah-sai-air", "+1+1");
            await Rename("nhso", "@SUM(A1:A9)");
            await Rename("khonkaen-city", "\tcmd");
            await Rename("mekong-mobility", "\rcmd");
            await db.Database.ExecuteSqlRawAsync("UPDATE Challenges SET Content = json_set(Content, '$.titleTh', {0}) WHERE Slug = 'pcd-pm25-sensors'", "-2+3");
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
