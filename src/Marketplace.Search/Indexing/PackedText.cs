using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Indexing;

/// <summary>
/// A few strings packed into one binary doc value. Reading a document's stored fields costs ~30 µs in Lucene.Net
/// (a compressed block is decompressed every time); a doc-values read costs ~1 µs, and a page shows twenty results.
/// </summary>
internal static class PackedText
{
    public static BytesRef Pack(params string?[] values)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var value in values)
            {
                writer.Write(value is not null);
                writer.Write(value ?? string.Empty);
            }
        }

        return new BytesRef(stream.ToArray());
    }

    /// <summary>The strings packed in a field, for a top-level document id.</summary>
    public static string?[] Read(IndexSearcher searcher, int doc, string field)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(field)
            ?? throw new InvalidOperationException($"The index has no '{field}' doc values; rebuild it.");
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length), Encoding.UTF8);
        var strings = new List<string?>();
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var present = reader.ReadBoolean();
            var value = reader.ReadString();
            strings.Add(present ? value : null);
        }

        return [.. strings];
    }
}
