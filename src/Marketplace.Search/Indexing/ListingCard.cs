using System.Globalization;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Indexing;

/// <summary>
/// What a result shows, kept in binary doc values (see <see cref="PackedText"/> for why not stored fields), so a
/// results page needs nothing from the database. The long descriptions are packed separately and read only when a
/// snippet has to come from them.
/// </summary>
internal sealed record ListingCard(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
    ListingSummary Summary)
{
    // Category numbers and province codes hold no '|'.
    private const char ListSeparator = '|';

    public static BytesRef Pack(SolutionDocument solution) => PackedText.Pack(
        DocumentMapper.IdText(solution.Id), solution.Slug, solution.TitleTh, solution.TitleEn, solution.SummaryTh, solution.SummaryEn,
        solution.VendorNameTh, solution.VendorNameEn, solution.VendorSlug, solution.Sector, solution.Maturity,
        string.Join(ListSeparator, (solution.Categories ?? []).Select(DocumentMapper.IdText)),
        string.Join(ListSeparator, solution.Provinces ?? []),
        solution.CertifiedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        solution.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

    public static ListingCard Read(IndexSearcher searcher, int doc)
    {
        var v = PackedText.Read(searcher, doc, FieldNames.Card);
        var summary = new ListingSummary(v[2] ?? string.Empty, v[3], v[4] ?? string.Empty, v[5], v[6] ?? string.Empty, v[7], v[8] ?? string.Empty,
            v[9] ?? string.Empty, v[10] ?? string.Empty,
            Split(v[11]).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(), Split(v[12]),
            v[13] is null ? null : DateOnly.ParseExact(v[13]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            new DateTimeOffset(long.Parse(v[14]!, CultureInfo.InvariantCulture), TimeSpan.Zero));
        return new ListingCard(int.Parse(v[0]!, CultureInfo.InvariantCulture), v[1] ?? string.Empty, summary.TitleTh, summary.TitleEn,
            summary.SummaryTh, summary.SummaryEn, summary);
    }

    private static string[] Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(ListSeparator);
}
