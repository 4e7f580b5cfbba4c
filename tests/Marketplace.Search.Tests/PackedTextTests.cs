using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Tests;

/// <summary>The texts a result card and a snippet show come back from the doc values exactly as they were indexed.</summary>
public sealed class PackedTextTests
{
    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "Plain ASCII, with digits 0123 and symbols ~!@#$%^&*()\t\n",
        // Every code point of the Thai block, including the unassigned ones at its end.
        new string([.. Enumerable.Range(0x0E00, 0x80).Select(c => (char)c)]),
        "ระบบแจ้งเตือนฝุ่น PM2.5 สำหรับ กทม. — Café naïve Straße ＡＢＣ ①",
        // A surrogate pair (an emoji), a lone surrogate, the escape byte's own value as a character, and NUL.
        "ระบบ 😀 \ud800 ÿ \u00ff \0 end",
        new string('ก', 70_000),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Compact_text_decodes_to_what_was_encoded(string text)
    {
        var bytes = new byte[ThaiCompactText.ByteCount(text)];

        var written = ThaiCompactText.Encode(text, bytes);

        Assert.Equal(bytes.Length, written);
        Assert.Equal(text, ThaiCompactText.Decode(bytes));
    }

    [Fact]
    public void Thai_text_takes_one_byte_per_letter()
    {
        const string thai = "ระบบแจ้งเตือนฝุ่นละอองสำหรับโรงเรียน";

        Assert.Equal(thai.Length, ThaiCompactText.ByteCount(thai));
        Assert.Equal(3 * thai.Length, System.Text.Encoding.UTF8.GetByteCount(thai));
    }

    [Fact]
    public void Packed_values_come_back_from_the_index_with_missing_and_empty_ones_kept_apart()
    {
        string?[] values = ["ระบบจองคิวโรงพยาบาล", null, string.Empty, "Hospital queue booking 😀", new string('ข', 300)];
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)))
        {
            writer.AddDocument(new Document { new BinaryDocValuesField("packed", new BytesRef("x"u8.ToArray())) });
            writer.AddDocument(new Document { new BinaryDocValuesField("packed", PackedText.Pack(values)) });
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        Assert.Equal(values, PackedText.Read(searcher, 1, "packed"));
        Assert.Equal(values[3], PackedText.ReadOne(searcher, 1, "packed", 3));
        Assert.Null(PackedText.ReadOne(searcher, 1, "packed", 1));
        Assert.Null(PackedText.ReadOne(searcher, 1, "packed", values.Length));
    }
}
