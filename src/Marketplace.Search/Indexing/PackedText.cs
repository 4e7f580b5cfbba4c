using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Indexing;

/// <summary>
/// A few strings packed into one binary doc value, each as a presence flag, a byte count and the text in
/// <see cref="ThaiCompactText"/>. Reading a document's stored fields costs ~30 µs in Lucene.Net (a compressed block is
/// decompressed every time); a doc-values read costs ~1 µs, and a page shows twenty results.
/// </summary>
internal static class PackedText
{
    public static BytesRef Pack(params string?[] values)
    {
        Span<int> lengths = stackalloc int[values.Length];
        var size = 0;
        for (var i = 0; i < values.Length; i++)
        {
            lengths[i] = ThaiCompactText.ByteCount(values[i]);
            size += 1 + VarIntBytes(lengths[i]) + lengths[i];
        }

        var bytes = new byte[size];
        var position = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var (value, length) = (values[i], lengths[i]);
            bytes[position++] = value is null ? (byte)0 : (byte)1;
            for (var rest = (uint)length; ; rest >>= 7)
            {
                bytes[position++] = (byte)(rest < 0x80 ? rest : (rest & 0x7F) | 0x80);
                if (rest < 0x80)
                {
                    break;
                }
            }

            position += ThaiCompactText.Encode(value, bytes.AsSpan(position));
        }

        return new BytesRef(bytes);
    }

    private static int VarIntBytes(int value)
    {
        var count = 1;
        for (var rest = (uint)value; rest >= 0x80; rest >>= 7)
        {
            count++;
        }

        return count;
    }

    // One buffer per thread for the packed bytes: a page reads forty of them, and each is decoded before the next read.
    [ThreadStatic]
    private static BytesRef? scratch;

    /// <summary>The strings packed in a field, for a top-level document id.</summary>
    public static string?[] Read(IndexSearcher searcher, int doc, string field)
    {
        var bytes = Bytes(searcher, doc, field);
        var count = 0;
        for (var position = 0; position < bytes.Length; count++)
        {
            Next(bytes, ref position, decode: false);
        }

        var strings = new string?[count];
        for (int i = 0, position = 0; i < count; i++)
        {
            strings[i] = Next(bytes, ref position, decode: true);
        }

        return strings;
    }

    /// <summary>One of the strings packed in a field, decoding none of the others.</summary>
    public static string? ReadOne(IndexSearcher searcher, int doc, string field, int index)
    {
        var bytes = Bytes(searcher, doc, field);
        var position = 0;
        for (var i = 0; i < index && position < bytes.Length; i++)
        {
            Next(bytes, ref position, decode: false);
        }

        return position < bytes.Length ? Next(bytes, ref position, decode: true) : null;
    }

    private static ReadOnlySpan<byte> Bytes(IndexSearcher searcher, int doc, string field)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(field)
            ?? throw new InvalidOperationException($"The index has no '{field}' doc values; rebuild it.");
        var bytes = scratch ??= new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);
    }

    /// <summary>Reads one value as <see cref="Pack"/> wrote it: a presence flag, a 7-bit-encoded byte count, then the text in <see cref="ThaiCompactText"/>.</summary>
    private static string? Next(ReadOnlySpan<byte> bytes, ref int position, bool decode)
    {
        var present = bytes[position++] != 0;
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var part = bytes[position++];
            length |= (part & 0x7F) << shift;
            if (part < 0x80)
            {
                break;
            }
        }

        var value = present && decode ? ThaiCompactText.Decode(bytes.Slice(position, length)) : null;
        position += length;
        return value;
    }
}
