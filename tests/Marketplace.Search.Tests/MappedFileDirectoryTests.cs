using Lucene.Net.Store;
using Marketplace.Search.Storage;

namespace Marketplace.Search.Tests;

/// <summary>
/// The index files read through a pointer into their mapping: every read gives back what Lucene wrote, in Lucene's
/// byte order, and reading outside a file or a slice fails as Lucene's own inputs fail instead of reading other memory.
/// </summary>
public sealed class MappedFileDirectoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mapped-" + Guid.NewGuid().ToString("N"));

    public MappedFileDirectoryTests() => System.IO.Directory.CreateDirectory(folder);

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reads_back_what_was_written_and_clones_keep_their_own_position()
    {
        using var directory = new MappedFileDirectory(folder);
        using (var output = directory.CreateOutput("data", IOContext.DEFAULT))
        {
            output.WriteByte(7);
            output.WriteInt16(-2);
            output.WriteInt32(123_456_789);
            output.WriteInt64(-9_876_543_210L);
            output.WriteVInt32(300);
            output.WriteVInt64(1L << 40);
            output.WriteString("ข้อมูล");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        }

        using var input = directory.OpenInput("data", IOContext.DEFAULT);
        Assert.Equal(directory.FileLength("data"), input.Length);
        Assert.Equal(7, input.ReadByte());
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(123_456_789, input.ReadInt32());
        Assert.Equal(-9_876_543_210L, input.ReadInt64());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(1L << 40, input.ReadVInt64());
        Assert.Equal("ข้อมูล", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal([1, 2, 3, 4, 5], bytes);
        Assert.Equal(input.Length, input.Position);

        Assert.Equal(300, clone.ReadVInt32());
        input.Seek(0);
        Assert.Equal(7, input.ReadByte());
    }

    [Fact]
    public void Reading_or_seeking_past_the_end_fails_and_an_empty_file_opens()
    {
        using var directory = new MappedFileDirectory(folder);
        using (var output = directory.CreateOutput("short", IOContext.DEFAULT))
        {
            output.WriteInt16(1);
        }

        using (directory.CreateOutput("empty", IOContext.DEFAULT))
        {
        }

        using var input = directory.OpenInput("short", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(0, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.Seek(3));
        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));

        using var empty = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
    }

    [Fact]
    public void A_slice_reads_only_its_own_part_of_the_file()
    {
        using var directory = new MappedFileDirectory(folder);
        using (var output = directory.CreateOutput("compound", IOContext.DEFAULT))
        {
            output.WriteBytes([10, 11, 12, 13, 14, 15], 6);
        }

        using var slicer = directory.CreateSlicer("compound", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("middle", 2, 3);

        Assert.Equal(3, slice.Length);
        Assert.Equal([12, 13, 14], [slice.ReadByte(), slice.ReadByte(), slice.ReadByte()]);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("beyond", 4, 3));
    }
}
