using Lucene.Net.Documents;
using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>A hit's texts: the card from doc values at once, the descriptions from stored fields only if asked for.</summary>
internal sealed class HitText(IndexSearcher searcher, int doc)
{
    private static readonly HashSet<string> DescriptionFields = [FieldNames.DescriptionTh, FieldNames.DescriptionEn];

    private Document? descriptions;

    public ListingCard Card { get; } = ListingCard.Read(searcher, doc);

    public string? DescriptionTh => Descriptions.Get(FieldNames.DescriptionTh);

    public string? DescriptionEn => Descriptions.Get(FieldNames.DescriptionEn);

    private Document Descriptions => descriptions ??= searcher.Doc(doc, DescriptionFields);
}
