using System.Globalization;
using System.Text.Json;

namespace Marketplace.Search.Relevance;

/// <summary>
/// How often matching puts a best vendor (challenge-matches.tsv) among the first three vendors it suggests for the
/// sample challenges, as the buyer's page does: listings ranked by <see cref="SolutionIndex.MoreLikeThis"/>, scaled by
/// maturity as VendorMatcher does, each vendor's best listing kept. Every challenge is matched three times: with its
/// Thai and English text, Thai only and English only, since many agencies write in one language.
/// </summary>
public static class ChallengeMatching
{
    public sealed record Outcome(string Challenge, string Language, int BestRank, IReadOnlyList<string> TopVendors);

    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, "Relevance", "challenge-matches.tsv");

    public static IReadOnlyList<Outcome> Run(SolutionIndex index, IReadOnlyList<SolutionDocument> catalogue, string seedFolder)
    {
        var bySlug = catalogue.ToDictionary(d => d.Slug);
        var byId = catalogue.ToDictionary(d => d.Id);
        var best = File.ReadAllLines(DefaultPath()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
            .ToDictionary(c => c[0], c => c[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => bySlug[s].VendorSlug).ToHashSet());
        using var challenges = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedFolder, "challenges.json")));
        var outcomes = new List<Outcome>();
        foreach (var c in challenges.RootElement.EnumerateArray().Where(c => best.ContainsKey(c.GetProperty("key").GetString()!)))
        {
            var key = c.GetProperty("key").GetString()!;
            var th = string.Join('\n', Text(c, "titleTh"), Text(c, "problemTh"), Text(c, "outcomesTh"));
            var en = string.Join('\n', Text(c, "titleEn"), Text(c, "problemEn"), Text(c, "outcomesEn"));
            var sector = c.GetProperty("sector").GetString();
            var category = c.GetProperty("category").GetInt32();
            var provinces = c.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()!).ToList();
            foreach (var (language, textTh, textEn) in new[] { ("both", th, en), ("th", th, null), ("en", en, null) })
            {
                var vendors = index.MoreLikeThis(textTh, textEn, sector, category, provinces, 40)
                    .Select(s => (Vendor: byId[s.Id].VendorSlug, Score: s.Score * MaturityFactor(byId[s.Id].Maturity)))
                    .GroupBy(m => m.Vendor).Select(g => (g.Key, Score: g.Max(m => m.Score)))
                    .OrderByDescending(m => m.Score).Select(m => m.Key).ToList();
                var rank = vendors.FindIndex(best[key].Contains) + 1;
                outcomes.Add(new Outcome(key, language, rank, vendors.Take(3).ToList()));
            }
        }

        return outcomes;
    }

    /// <summary>The share of matchings with a best vendor in the top three, per language variant and overall.</summary>
    public static string Table(IReadOnlyList<Outcome> outcomes) =>
        string.Join('\n', outcomes.GroupBy(o => o.Language).Prepend(outcomes.GroupBy(_ => "overall").Single()).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"matching ({g.Key}): a best vendor in the top 3 for {g.Count(o => o.BestRank is > 0 and <= 3)} of {g.Count()} challenges")));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // The same preference for proven solutions as Marketplace.Core's VendorMatcher.
    private static float MaturityFactor(string maturity) => maturity switch
    {
        "Production" => 1.2f,
        "Pilot" => 1.1f,
        "Prototype" => 1.0f,
        _ => 0.9f,
    };
}
