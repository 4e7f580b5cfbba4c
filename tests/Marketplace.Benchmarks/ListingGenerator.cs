using Marketplace.Search;
using static Marketplace.Benchmarks.Vocabulary;

namespace Marketplace.Benchmarks;

/// <summary>A generated catalogue and the listings that truly contain each planted phrase.</summary>
internal sealed record Catalogue(IReadOnlyList<SolutionDocument> Listings, IReadOnlyDictionary<string, HashSet<int>> PhraseOwners);

/// <summary>
/// Deterministic synthetic listings: Thai clauses of government and technology words written without spaces
/// (spaces only between clauses, as Thai writers do), a parallel English text for most listings, tags, vendors,
/// facets, and a set of phrases planted into known listings — usually inside a clause, sometimes on their own.
/// </summary>
internal static class ListingGenerator
{
    public static Catalogue Generate(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var listings = new List<SolutionDocument>(count);
        var plantsPerPhrase = Math.Clamp(count / 1000, 5, 60);
        var plants = PlantedPhrases
            .SelectMany(phrase => Enumerable.Range(0, plantsPerPhrase).Select(_ => (Id: random.Next(1, count + 1), phrase)))
            .ToLookup(p => p.Id, p => p.phrase);
        for (var id = 1; id <= count; id++)
        {
            listings.Add(Listing(id, random, plants[id].ToList()));
        }

        // The truth is what the text contains, not what was planted: a phrase may also arise by chance.
        var owners = PlantedPhrases.ToDictionary(
            phrase => phrase,
            phrase => listings.Where(l => ThaiText(l).Contains(phrase, StringComparison.Ordinal)).Select(l => l.Id).ToHashSet());
        return new Catalogue(listings, owners);
    }

    public static string ThaiText(SolutionDocument listing) =>
        string.Join(' ', listing.TitleTh, listing.SummaryTh, listing.DescriptionTh);

    private static SolutionDocument Listing(int id, Random random, List<string> planted)
    {
        var topic = Pick(random, Topics);
        var second = Pick(random, Topics);
        var head = Pick(random, Heads);
        var verb = Pick(random, Verbs);
        var audience = Pick(random, Audiences);
        var connector = Pick(random, Connectors);
        var hasEnglish = random.Next(10) < 7;

        var titleTh = head.Th + verb.Th + topic.Th + (random.Next(2) == 0 ? connector.Th + audience.Th : string.Empty);
        var titleEn = Capitalise($"{head.En} {verb.En} {topic.En}" + (random.Next(2) == 0 ? $" {connector.En} {audience.En}" : string.Empty));
        var summaryTh = $"{head.Th}{verb.Th}{topic.Th}และ{Pick(random, Verbs).Th}{second.Th} {connector.Th}{audience.Th}";
        var summaryEn = Capitalise($"A {head.En} {verb.En} {topic.En} and {second.En} {connector.En} {audience.En}.");
        var (descriptionTh, descriptionEn) = Description(random, topic, second);
        foreach (var phrase in planted)
        {
            (titleTh, descriptionTh) = Plant(random, phrase, titleTh, descriptionTh);
        }

        var tags = new[] { topic.Th, second.Th, Pick(random, Technologies).Th, topic.En }.Distinct().Take(random.Next(2, 5)).ToArray();
        var vendor = Pick(random, VendorStems);
        var vendorNumber = random.Next(1, 400);
        return new SolutionDocument(
            id, $"listing-{id}", titleTh, hasEnglish ? titleEn : null, summaryTh, hasEnglish ? summaryEn : null,
            descriptionTh, hasEnglish ? descriptionEn : null, tags,
            $"บริษัท {vendor}{vendorNumber} จำกัด", hasEnglish ? $"{vendor} {vendorNumber} Co., Ltd." : null, $"vendor-{vendorNumber}",
            random.Next(4) == 0 ? Pick(random, ["GovTech", "CivilTech", "EdTech"]) : topic.Sector,
            new[] { topic.Category, second.Category }.Distinct().Take(random.Next(1, 3)).ToArray(),
            Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(random, Provinces)).Distinct().ToArray(),
            Pick(random, Maturities), Pick(random, Pricings), random.Next(10) < 3,
            new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 3 * 365 * 24 * 60)));
    }

    /// <summary>
    /// A few clauses about the listing's own topics and audience — what it does, with what, for whom, what it
    /// improves, where it runs — with an occasional other topic, so word frequencies fall off as in real catalogues.
    /// </summary>
    private static (string Th, string En) Description(Random random, (string Th, string En, int, string) topic,
        (string Th, string En, int, string) second)
    {
        var th = new List<string>();
        var en = new List<string>();
        var audience = Pick(random, Audiences);
        var clauses = random.Next(4, 9);
        for (var i = 0; i < clauses; i++)
        {
            var verb = Pick(random, Verbs);
            var subject = random.Next(5) == 0 ? Pick(random, Topics) : (i % 2 == 0 ? topic : second);
            var connector = Pick(random, Connectors);
            switch (random.Next(5))
            {
                case 0:
                    var technology = Pick(random, Technologies);
                    th.Add($"ใช้{technology.Th}{verb.Th}{subject.Th}");
                    en.Add($"Uses {technology.En} for {verb.En} {subject.En}.");
                    break;
                case 1:
                    var benefit = Pick(random, Benefits);
                    th.Add($"ช่วย{benefit.Th}{connector.Th}{audience.Th}");
                    en.Add($"It {benefit.En} {connector.En} {audience.En}.");
                    break;
                case 2:
                    var (agency, place) = (Pick(random, Agencies), Pick(random, Places));
                    th.Add($"ใช้งานจริงร่วมกับ{agency.Th}ที่จังหวัด{place.Th}");
                    en.Add($"In use with {agency.En} in {place.En}.");
                    break;
                default:
                    th.Add($"{verb.Th}{subject.Th}ได้อย่างรวดเร็ว{connector.Th}{audience.Th}");
                    en.Add(Capitalise($"{verb.En} {subject.En} quickly {connector.En} {audience.En}."));
                    break;
            }
        }

        return (string.Join(' ', th), string.Join(' ', en));
    }

    /// <summary>Mostly inside a clause with no spaces around it; sometimes in the title; sometimes standing alone.</summary>
    private static (string Title, string Description) Plant(Random random, string phrase, string title, string description)
    {
        switch (random.Next(6))
        {
            case 0:
                return (title + phrase, description);
            case 1:
                return (title, $"{description} {phrase}");
            default:
                var spaces = Enumerable.Range(0, description.Length).Where(i => description[i] == ' ').ToList();
                var at = spaces.Count == 0 ? description.Length : spaces[random.Next(spaces.Count)];
                return (title, description[..at] + "ใช้" + phrase + "ช่วย" + description[at..]);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
