using Marketplace.Core.Common;
using Marketplace.Search;

namespace Marketplace.Core.Domain.Search;

/// <summary>
/// A dictionary line a moderator added in the site, on top of the dictionaries shipped with the search engine:
/// terms that mean the same (an abbreviation, a spelling, the other language) or a province's names. Kept in
/// the database so every web instance applies the same edits (see SearchDictionarySync).
/// </summary>
public sealed class SearchDictionaryEntry
{
    public const int MaxTerms = 20;
    public const int MaxTermLength = 100;
    public const char Separator = '|';

    private SearchDictionaryEntry() { }

    public SearchDictionaryEntry(DictionaryKind kind, IEnumerable<string> terms, DateTimeOffset now)
    {
        Change(kind, terms, now);
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public DictionaryKind Kind { get; private set; }

    /// <summary>The terms joined by " | ", as in the shipped files.</summary>
    public string Terms { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> TermList => Split(Terms);

    /// <summary>Two distinct terms at least, or the line would expand nothing; a '|' inside a term would split it.</summary>
    public void Change(DictionaryKind kind, IEnumerable<string> terms, DateTimeOffset now)
    {
        var list = terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count < 2)
            throw new DomainRuleException(Texts.Get("Domain.Search.SearchDictionaryEntry.EnterAtLeastTwoTermsThat"));
        if (list.Count > MaxTerms || list.Any(t => t.Length > MaxTermLength || t.Contains(Separator)))
            throw new DomainRuleException(Texts.Get("Domain.Search.SearchDictionaryEntry.EnterAtMostTermsOfAt", MaxTerms, MaxTermLength));
        Kind = kind;
        Terms = string.Join(" | ", list);
        UpdatedAt = now;
    }

    public DictionaryEntry ToSearchEntry() => new(Kind, TermList);

    public static IReadOnlyList<string> Split(string text) =>
        text.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
