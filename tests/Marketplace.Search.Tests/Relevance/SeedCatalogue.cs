using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Search;

namespace Marketplace.Search.Relevance;

/// <summary>
/// The published listings of seed-data/solutions.json as the index sees them (ids in file order, vendor names from
/// organisations.json, Markdown reduced to plain text as the web app does), so the relevance set runs without a database.
/// </summary>
public static partial class SeedCatalogue
{
    public static string SeedFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var seed = Path.Combine(folder.FullName, "seed-data");
            if (File.Exists(Path.Combine(seed, "solutions.json")))
            {
                return seed;
            }
        }

        throw new DirectoryNotFoundException("seed-data/solutions.json was not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<SolutionDocument> Published(string seedFolder)
    {
        using var organisations = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedFolder, "organisations.json")));
        var vendors = organisations.RootElement.EnumerateArray()
            .ToDictionary(o => o.GetProperty("key").GetString()!, o => (Th: o.GetProperty("nameTh").GetString()!, En: o.GetProperty("nameEn").GetString()));
        using var solutions = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedFolder, "solutions.json")));
        var published = new List<SolutionDocument>();
        var id = 0;
        foreach (var s in solutions.RootElement.EnumerateArray())
        {
            id++;
            if (s.GetProperty("state").GetString() != "Published")
            {
                continue;
            }

            var vendorKey = s.GetProperty("vendor").GetString()!;
            var (vendorTh, vendorEn) = vendors[vendorKey];
            var categories = new List<int> { s.GetProperty("primaryCategory").GetInt32() };
            categories.AddRange(s.GetProperty("secondaryCategories").EnumerateArray().Select(c => c.GetInt32()));
            published.Add(new SolutionDocument(
                id, s.GetProperty("slug").GetString()!,
                Text(s, "titleTh")!, Text(s, "titleEn"), Text(s, "summaryTh")!, Text(s, "summaryEn"),
                PlainText(Text(s, "descriptionTh"))!, PlainText(Text(s, "descriptionEn")),
                s.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList(),
                vendorTh, vendorEn, vendorKey, s.GetProperty("sector").GetString()!, categories,
                s.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()!).ToList(),
                s.GetProperty("maturity").GetString()!, s.GetProperty("pricingModel").GetString()!,
                s.GetProperty("certifications").GetArrayLength() > 0,
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(id)));
        }

        return published;
    }

    /// <summary>
    /// The catalogue with every English text and Latin-only tag removed: an English query can reach these listings
    /// only through the dictionaries, which is what this probes (many real listings are written in Thai only).
    /// </summary>
    public static IReadOnlyList<SolutionDocument> ThaiOnly(IReadOnlyList<SolutionDocument> catalogue) =>
        [.. catalogue.Select(d => d with
        {
            TitleEn = null, SummaryEn = null, DescriptionEn = null, VendorNameEn = null,
            Tags = [.. d.Tags.Where(t => t.Any(c => c is >= '\u0E00' and <= '\u0E7F'))],
        })];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The seed's Markdown is headings and bullet lists only.
    private static string? PlainText(string? markdown) =>
        markdown is null ? null : MarkdownMarks().Replace(markdown, string.Empty).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?m)^\s*(#+|-|\*)\s+")]
    private static partial Regex MarkdownMarks();
}
