using System.Collections.Frozen;
using System.Text;
using Lucene.Net.Analysis;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;
using Marketplace.Search.Querying;

namespace Marketplace.Search;

/// <summary>What a dictionary line says: terms that mean the same, or a province and its names.</summary>
public enum DictionaryKind
{
    /// <summary>Abbreviations and their full forms (กทม. | กรุงเทพมหานคร).</summary>
    Abbreviation,

    /// <summary>Spellings of one word (ดิจิทัล | ดิจิตอล, organisation | organization).</summary>
    Variant,

    /// <summary>The same idea in Thai and English (คุณภาพน้ำ | water quality).</summary>
    Glossary,

    /// <summary>A province code and the names a person may call it by (TH-50 | เชียงใหม่ | Chiang Mai).</summary>
    Province,

    /// <summary>A sector or NIA category and the names a person may call it by (sector:EdTech | edtech | เทคโนโลยีการศึกษา).</summary>
    Topic,
}

/// <summary>A facet value a query may name: a province, a sector or a category, as the index stores it.</summary>
internal sealed record FacetValue(string Field, string Value);

/// <summary>One line of a dictionary: two or more terms, equivalent in both directions; for provinces and topics the first is the code.</summary>
public sealed record DictionaryEntry(DictionaryKind Kind, IReadOnlyList<string> Terms);

/// <summary>
/// The synonym, abbreviation, spelling-variant, glossary and province dictionaries, applied to queries (never to the
/// index, so editing them needs no rebuild). Immutable: an edit builds a new instance and swaps it in.
/// <para>
/// File format (Dictionaries/*.txt, UTF-8): one entry per line, terms separated by <c>|</c>; blank lines and lines
/// starting with <c>#</c> are ignored; the file name gives the kind (abbreviations, variants, glossary, provinces).
/// In provinces.txt the first term is the ISO 3166-2 code; in topics.txt it is <c>sector:</c> and a sector's name
/// (<c>sector:EdTech</c>) or <c>category:</c> and an NIA category's number (<c>category:3</c>).
/// </para>
/// </summary>
public sealed class SearchDictionary
{
    private static readonly Lazy<SearchDictionary> BuiltInDictionary = new(() => new SearchDictionary(LoadBuiltIn()));

    private readonly FrozenDictionary<string, List<Sense>> latin;
    private readonly List<(string Surface, Sense Sense)> thai;

    /// <summary>
    /// For each first two letters (a one-letter surface: that letter alone), the positions in <see cref="thai"/> of
    /// the surfaces starting with them (ascending). Keyed by the first letter alone, a ten-letter query named most of
    /// the dictionary as candidates, each then searched for in the text.
    /// </summary>
    private readonly FrozenDictionary<string, int[]> thaiByStart;
    private readonly string[] latinWords;

    public SearchDictionary(IEnumerable<DictionaryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.Where(e => e.Terms.Count >= 2).ToList();
        var latinKeys = new Dictionary<string, List<Sense>>(StringComparer.Ordinal);
        thai = [];
        foreach (var entry in Entries)
        {
            var facet = FacetOf(entry);
            var terms = HasCode(entry.Kind) ? entry.Terms.Skip(1).ToList() : entry.Terms.ToList();
            foreach (var term in terms.Select(t => t.Trim()).Where(t => t.Length > 0))
            {
                var others = terms.Select(t => t.Trim()).Where(t => !string.Equals(t, term, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var sense = new Sense(entry.Kind, term, others, facet);
                if (ThaiAnalysis.ContainsThai(term))
                {
                    thai.Add((Surface(term), sense));
                }
                else
                {
                    var key = LatinKey(term);
                    if (key.Length > 0)
                    {
                        if (!latinKeys.TryGetValue(key, out var list))
                        {
                            latinKeys[key] = list = [];
                        }

                        list.Add(sense);
                    }
                }
            }
        }

        // Longest first, so "กรุงเทพมหานคร" is found before "กรุงเทพ"; a stable sort keeps file order among equals,
        // so the same dictionary always yields the same alternatives.
        thai = [.. thai.OrderByDescending(t => t.Surface.Length)];
        thaiByStart = Enumerable.Range(0, thai.Count).GroupBy(i => thai[i].Surface[..Math.Min(2, thai[i].Surface.Length)], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        latin = latinKeys.ToFrozenDictionary(StringComparer.Ordinal);
        latinWords = [.. latin.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal) && k.Length >= 4)];
    }

    /// <summary>The dictionaries shipped in this assembly (Dictionaries/*.txt).</summary>
    public static SearchDictionary BuiltIn => BuiltInDictionary.Value;

    public static SearchDictionary Empty { get; } = new([]);

    public IReadOnlyList<DictionaryEntry> Entries { get; }

    /// <summary>This dictionary with more entries (for instance those moderators added in the site).</summary>
    public SearchDictionary With(IEnumerable<DictionaryEntry> more) => new(Entries.Concat(more));

    /// <summary>Reads one dictionary file; the kind comes from the caller (usually the file name).</summary>
    public static IReadOnlyList<DictionaryEntry> Parse(DictionaryKind kind, TextReader reader)
    {
        var entries = new List<DictionaryEntry>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var terms = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length >= 2)
            {
                entries.Add(new DictionaryEntry(kind, terms));
            }
        }

        return entries;
    }

    public static DictionaryKind? KindOfFile(string fileName) => Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant() switch
    {
        "abbreviations" => DictionaryKind.Abbreviation,
        "variants" => DictionaryKind.Variant,
        "glossary" => DictionaryKind.Glossary,
        "provinces" => DictionaryKind.Province,
        "topics" => DictionaryKind.Topic,
        _ => null,
    };

    /// <summary>Whether an entry of this kind starts with a code (a province, sector or category) rather than a term.</summary>
    public static bool HasCode(DictionaryKind kind) => kind is DictionaryKind.Province or DictionaryKind.Topic;

    /// <summary>Whether a topic line's first term names a sector or category the way topics.txt writes it.</summary>
    public static bool IsTopicCode(string code) => TopicFacet(code) is not null;

    private static FacetValue? FacetOf(DictionaryEntry entry) => entry.Kind switch
    {
        DictionaryKind.Province => new FacetValue(FieldNames.Province, entry.Terms[0].Trim()),
        DictionaryKind.Topic => TopicFacet(entry.Terms[0]),
        _ => null,
    };

    private static FacetValue? TopicFacet(string code)
    {
        var (name, value) = code.Split(':', 2, StringSplitOptions.TrimEntries) is [var n, var v] ? (n, v) : ("", "");
        return (name.ToLowerInvariant(), value) switch
        {
            ("sector", { Length: > 0 }) when value.All(char.IsAsciiLetter) => new FacetValue(FieldNames.Sector, value),
            ("category", { Length: > 0 }) when value.All(char.IsAsciiDigit) => new FacetValue(FieldNames.Category, value),
            _ => null,
        };
    }

    /// <summary>Senses whose Latin term is exactly these words (compared lower-cased and stemmed, as the index compares them).</summary>
    internal IReadOnlyList<Sense> LatinSenses(string key) => latin.TryGetValue(key, out var senses) ? senses : [];

    /// <summary>
    /// The one-word Latin term closest to a word no listing has, within one edit (two from eight letters) and with the
    /// same first letter, as index typo correction allows; null when none is that close or two are equally close.
    /// </summary>
    internal string? ClosestLatinKey(string stem)
    {
        if (stem.Length < 5)
        {
            return null;
        }

        var maxEdits = stem.Length >= 8 ? 2 : 1;
        var best = latinWords.Select(key => (Key: key, Distance: key[0] == stem[0] ? EditDistance.Bounded(stem, key, maxEdits) : maxEdits + 1))
            .Where(c => c.Distance <= maxEdits).OrderBy(c => c.Distance).Take(2).ToList();
        return best.Count == 1 || (best.Count == 2 && best[0].Distance < best[1].Distance) ? best[0].Key : null;
    }

    /// <summary>
    /// Thai terms found in a chunk of the query, longest first and not overlapping; a term in several entries (a
    /// variant line and the glossary) yields every one of its senses.
    /// </summary>
    internal IEnumerable<(int Start, int Length, Sense Sense)> ThaiSenses(string unitText)
    {
        var text = Surface(unitText);
        var taken = new bool[text.Length];
        var found = new HashSet<(int, int)>();
        // Only the surfaces starting with a letter or a pair of letters of the text can occur in it; in dictionary
        // order, longest first.
        var candidates = new SortedSet<int>();
        var lookup = thaiByStart.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var at = 0; at < text.Length; at++)
        {
            for (var length = 1; length <= 2 && at + length <= text.Length; length++)
            {
                if (lookup.TryGetValue(text.AsSpan(at, length), out var positions))
                {
                    candidates.UnionWith(positions);
                }
            }
        }

        foreach (var (surface, sense) in candidates.Select(i => thai[i]))
        {
            if (surface.Length > text.Length)
            {
                continue;
            }

            // Short terms and abbreviations (อสม, สธ) would hide inside longer words: they must be the whole chunk.
            var wholeOnly = surface.Length <= 3 || sense.Term.Contains('.');
            if (wholeOnly)
            {
                if (text == surface && (!taken.Contains(true) || found.Contains((0, text.Length))))
                {
                    Array.Fill(taken, true);
                    found.Add((0, text.Length));
                    yield return (0, text.Length, sense);
                }

                continue;
            }

            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                if (!taken.AsSpan(at, surface.Length).Contains(true) || found.Contains((at, surface.Length)))
                {
                    taken.AsSpan(at, surface.Length).Fill(true);
                    found.Add((at, surface.Length));
                    yield return (at, surface.Length, sense);
                }
            }
        }
    }

    /// <summary>Lower-cased, without dots or spaces: "รพ.สต." and "รพสต" are the same abbreviation.</summary>
    internal static string Surface(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != '.' && !char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static readonly Analyzer KeyAnalyzer = new MarketplaceAnalyzer();

    /// <summary>A Latin term as the index would hold it: its stemmed words joined by spaces.</summary>
    internal static string LatinKey(string text)
    {
        lock (KeyAnalyzer)
        {
            return string.Join(' ', ParsedQuery.Terms(KeyAnalyzer, FieldNames.All, text, ParsedQuery.MaxTokens));
        }
    }

    private static List<DictionaryEntry> LoadBuiltIn()
    {
        var assembly = typeof(SearchDictionary).Assembly;
        var entries = new List<DictionaryEntry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (KindOfFile(name) is not { } kind)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            entries.AddRange(Parse(kind, reader));
        }

        return entries;
    }
}

/// <summary>One term of an entry and what it may stand for: the entry's other terms, or a province, sector or category.</summary>
internal sealed record Sense(DictionaryKind Kind, string Term, IReadOnlyList<string> Others, FacetValue? Facet);
