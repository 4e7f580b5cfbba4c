using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Indexing;

/// <summary>
/// What a result shows, kept in binary doc values. Reading a document's stored fields costs ~30 µs in Lucene.Net
/// (a compressed block is decompressed every time); a doc-values read costs ~1 µs, and a page shows twenty results.
/// The long descriptions stay in stored fields and are read only when a snippet has to come from them.
/// </summary>
internal sealed record ListingCard(int Id, string Slug, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn)
{
    public static ListingCard From(SolutionDocument solution) =>
        new(solution.Id, solution.Slug ?? string.Empty, solution.TitleTh ?? string.Empty, solution.TitleEn,
            solution.SummaryTh ?? string.Empty, solution.SummaryEn);

    /// <summary>The card of a top-level document id, read from the segment that holds it.</summary>
    public static ListingCard Read(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(FieldNames.Card)
            ?? throw new InvalidOperationException("The index has no listing cards; rebuild it.");
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return Parse(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    public BytesRef ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Id);
            writer.Write(Slug);
            writer.Write(TitleTh);
            writer.Write(TitleEn ?? string.Empty);
            writer.Write(SummaryTh);
            writer.Write(SummaryEn ?? string.Empty);
        }

        return new BytesRef(stream.ToArray());
    }

    private static ListingCard Parse(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray());
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var id = reader.ReadInt32();
        var slug = reader.ReadString();
        var titleTh = reader.ReadString();
        var titleEn = reader.ReadString();
        var summaryTh = reader.ReadString();
        var summaryEn = reader.ReadString();
        return new ListingCard(id, slug, titleTh, titleEn.Length == 0 ? null : titleEn, summaryTh, summaryEn.Length == 0 ? null : summaryEn);
    }
}
