using Lucene.Net.Search;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>A hit's texts: the card at once, the descriptions only if a snippet needs them.</summary>
internal sealed class HitText(IndexSearcher searcher, int doc)
{
    private (bool Read, string? Text) thai;
    private (bool Read, string? Text) english;

    public ListingCard Card { get; } = ListingCard.Read(searcher, doc);

    // Each decoded only when a snippet needs it: a description is the longest text a listing has.
    public string? DescriptionTh => Description(ref thai, 0);

    public string? DescriptionEn => Description(ref english, 1);

    private string? Description(ref (bool Read, string? Text) description, int index)
    {
        if (!description.Read)
        {
            description = (true, PackedText.ReadOne(searcher, doc, FieldNames.Descriptions, index));
        }

        return description.Text;
    }
}
