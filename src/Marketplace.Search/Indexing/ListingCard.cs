using System.Globalization;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Indexing;

/// <summary>
/// What a result shows, kept in binary doc values (see <see cref="PackedText"/> for why not stored fields). The long
/// descriptions are packed separately and read only when a snippet has to come from them.
/// </summary>
internal sealed record ListingCard(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn)
{
    public static BytesRef Pack(SolutionDocument solution) => PackedText.Pack(
        DocumentMapper.IdText(solution.Id), solution.Slug, solution.TitleTh, solution.TitleEn, solution.SummaryTh, solution.SummaryEn);

    public static ListingCard Read(IndexSearcher searcher, int doc)
    {
        var values = PackedText.Read(searcher, doc, FieldNames.Card);
        return new ListingCard(int.Parse(values[0]!, CultureInfo.InvariantCulture), values[1] ?? string.Empty,
            values[2] ?? string.Empty, values[3], values[4] ?? string.Empty, values[5]);
    }
}
