namespace Marketplace.Search;

/// <summary>A published listing as the index sees it. Text is plain: the caller strips markdown.</summary>
public sealed record SolutionDocument(
    int Id, string Slug,
    string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
    string DescriptionTh, string? DescriptionEn,
    IReadOnlyList<string> Tags, string VendorNameTh, string? VendorNameEn, string VendorSlug,
    string Sector,
    IReadOnlyList<int> Categories,
    IReadOnlyList<string> Provinces,
    string Maturity,
    string PricingModel,
    bool Certified,
    DateTimeOffset PublishedAt)
{
    /// <summary>The last day the listing is on the Innovation List (<see cref="DateOnly.MaxValue"/> without expiry); null when it is not.</summary>
    public DateOnly? CertifiedUntil { get; init; }
}

/// <summary>What a result card shows, read from the index so a results page needs nothing from the database.</summary>
public sealed record ListingSummary(string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
    string VendorNameTh, string? VendorNameEn, string VendorSlug, string Sector, string Maturity,
    IReadOnlyList<int> Categories, IReadOnlyList<string> Provinces, DateOnly? CertifiedUntil, DateTimeOffset PublishedAt)
{
    /// <summary>Whether the listing is on the Innovation List on a day (a listing's entry can expire after it was indexed).</summary>
    public bool IsCertifiedOn(DateOnly day) => CertifiedUntil is { } until && until >= day;
}

/// <summary>
/// One search. Filters are exact values; an unknown value simply matches nothing (the web layer validates).
/// Page starts at 1; PageSize is clamped to 1..100.
/// </summary>
public sealed record SearchRequest(string? Query, string? Sector = null, int? Category = null, string? Province = null,
    string? Maturity = null, string? PricingModel = null, bool? Certified = null,
    SearchSort Sort = SearchSort.Relevance, int Page = 1, int PageSize = 20)
{
    /// <summary>The page is in English: snippets come from the English text where it matched.</summary>
    public bool PreferEnglish { get; init; }
}

/// <summary>Relevance falls back to newest when the query has no words (a browse page).</summary>
public enum SearchSort { Relevance, Newest, Name }

/// <summary>TitleHtml and SnippetHtml are safe to emit: matched words in &lt;mark&gt;, everything else HTML-escaped.</summary>
public sealed record SearchHit(int Id, string Slug, float Score, string TitleHtml, string SnippetHtml)
{
    /// <summary>The card's plain fields (vendor, sector, categories…), as indexed.</summary>
    public ListingSummary? Listing { get; init; }

    /// <summary>The English title with marks, when the listing has one.</summary>
    public string? TitleEnHtml { get; init; }

    /// <summary>True when the snippet was taken from the English text because the query matched English.</summary>
    public bool SnippetIsEnglish { get; init; }
}

/// <summary>
/// Facets: sector, category, province, maturity, pricing, certified → value → count.
/// Each facet's counts apply the query and every filter except that facet's own (drill-sideways), so a person
/// sees how many results each alternative value would give.
/// </summary>
public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    /// <summary>True when no listing matched every word, and the hits are the best partial matches instead.</summary>
    public bool IsPartialMatch { get; init; }

    /// <summary>How many listings matched every word (or its dictionary alternatives); the rest of Total match some.</summary>
    public int FullMatchCount { get; init; }

    /// <summary>The query with misspelt words replaced by the words searched instead; null when nothing was corrected.</summary>
    public string? CorrectedQuery { get; init; }

    /// <summary>For an empty result, the query with Thai words no listing has replaced by the closest ones ("did you mean").</summary>
    public string? SuggestedQuery { get; init; }

    /// <summary>Dictionary alternatives also searched (full forms, other spellings, the other language), for "also searched for".</summary>
    public IReadOnlyList<string> AlsoSearched { get; init; } = [];
}

public sealed record Suggestion(string Text, string Kind)
{
    public const string TitleKind = "title";
    public const string TagKind = "tag";
    public const string VendorKind = "vendor";
}

public sealed record SimilarSolution(int Id, string Slug, float Score, IReadOnlyList<string> SharedTerms);

/// <summary>The index folder cannot be read; the caller should delete it and rebuild from the database.</summary>
public sealed class IndexDamagedException : Exception
{
    public IndexDamagedException(string folder, Exception inner)
        : base($"The search index in '{folder}' is damaged and must be rebuilt: {inner.Message}", inner)
    {
        Folder = folder;
    }

    public string Folder { get; }
}

/// <summary>Tuning that production rarely changes; tests shorten the refresh interval or observe errors.</summary>
public sealed record SolutionIndexOptions
{
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Receives failures of the background refresh, which would otherwise have nowhere to go.</summary>
    public Action<Exception>? OnBackgroundError { get; init; }

    /// <summary>Reads every index file's checksum when opening, so damage is found at start-up, not mid-query.</summary>
    public bool VerifyChecksumsOnOpen { get; init; } = true;
}
