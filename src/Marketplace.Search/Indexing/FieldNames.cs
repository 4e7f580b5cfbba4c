namespace Marketplace.Search.Indexing;

/// <summary>Lucene field names. The analyzer picks its chain from the name, so the groups below matter.</summary>
internal static class FieldNames
{
    public const string Id = "id";
    public const string Slug = "slug";

    /// <summary>Marks the listings written by one rebuild, so the rebuild can delete everything else at the end.</summary>
    public const string Generation = "gen";

    public const string TitleTh = "title_th";
    public const string SummaryTh = "summary_th";
    public const string DescriptionTh = "description_th";
    public const string Tags = "tags";
    public const string VendorTh = "vendor_th";

    public const string TitleEn = "title_en";
    public const string SummaryEn = "summary_en";
    public const string DescriptionEn = "description_en";
    public const string VendorEn = "vendor_en";

    public const string TitleBigrams = "title_bg";
    public const string BodyBigrams = "body_bg";

    public const string Sector = "f_sector";
    public const string Category = "f_category";
    public const string Province = "f_province";
    public const string Maturity = "f_maturity";
    public const string Pricing = "f_pricing";
    public const string Certified = "f_certified";

    public const string Published = "published";
    public const string NameSort = "name_sort";

    /// <summary>Every Latin word of the listing, unstemmed: the vocabulary typo correction searches.</summary>
    public const string Spelling = "spell";

    public const string SuggestTitle = "sg_title";
    public const string SuggestTag = "sg_tag";
    public const string SuggestVendor = "sg_vendor";

    public static bool IsEnglish(string field) => field is TitleEn or SummaryEn or DescriptionEn or VendorEn;

    public static bool IsBigram(string field) => field is TitleBigrams or BodyBigrams;
}
