using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>A hit's texts: the card at once, the descriptions only if a snippet needs them.</summary>
internal sealed class HitText(IndexSearcher searcher, int doc)
{
    private string?[]? descriptions;

    public ListingCard Card { get; } = ListingCard.Read(searcher, doc);

    public string? DescriptionTh => Descriptions[0];

    public string? DescriptionEn => Descriptions[1];

    private string?[] Descriptions => descriptions ??= PackedText.Read(searcher, doc, FieldNames.Descriptions);
}
