namespace Marketplace.Search.Indexing;

/// <summary>Lucene field names. The analyzer picks its chain from the name, so the groups below matter.</summary>
internal static class FieldNames
{
    public const string Id = "id";

    /// <summary>Numeric doc values of the listing id: equal scores are ordered by it, so ties survive a rebuild unchanged.</summary>
    public const string IdOrder = "id_order";
    public const string Slug = "slug";

    /// <summary>Marks the listings written by one rebuild, so the rebuild can delete everything else at the end.</summary>
    public const string Generation = "gen";

    /// <summary>
    /// Binary doc values: everything a result card shows (see ListingCard). Named with its layout's version: an index
    /// written before a layout change lacks the field and is rebuilt at start-up (see SolutionIndex.HasCurrentFormat).
    /// </summary>
    public const string Card = "card_v3";

    /// <summary>Binary doc values: the Thai and English descriptions, read only for snippets (versioned with <see cref="Card"/>).</summary>
    public const string Descriptions = "descriptions_v2";

    // Stored only: texts read back for autocomplete.
    public const string Tag = "tag";
    public const string VendorTh = "vendor_th";
    public const string VendorEn = "vendor_en";

    /// <summary>Every text — titles, summaries, descriptions, tags, vendor names, Thai and English: where words are matched.</summary>
    public const string All = "all";

    /// <summary>Tags and vendor names again, so scoring can weigh them below the description.</summary>
    public const string Meta = "meta";

    /// <summary>Thai and English titles again, for the title's extra weight and phrase boost.</summary>
    public const string Title = "title";

    /// <summary>Thai and English summaries again, for the summary's extra weight.</summary>
    public const string Summary = "summary";

    /// <summary>Thai bigrams of every Thai text (title, summary, description, tags, vendor).</summary>
    public const string Bigrams = "bigrams";

    /// <summary>Analysis only, never indexed: the word chain without stemming (autocomplete, typo checks).</summary>
    public const string Unstemmed = "unstemmed";

    public const string Sector = "f_sector";
    public const string Category = "f_category";
    public const string Province = "f_province";
    public const string Maturity = "f_maturity";
    public const string Pricing = "f_pricing";
    public const string Certified = "f_certified";

    public const string Published = "published";
    public const string NameSort = "name_sort";

    /// <summary>Autocomplete keys: a kind marker and 24 normalised characters from each word start (see SuggestText).</summary>
    public const string Suggest = "suggest";

    public static bool IsBigram(string field) => field is Bigrams;
}
