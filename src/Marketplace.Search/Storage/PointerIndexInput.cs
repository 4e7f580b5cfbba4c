using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Marketplace.Search.Storage;

/// <summary>
/// Reads a mapped file (or a slice of it) by address. Clones and slices share the mapping and never unmap it; only
/// the input <see cref="MappedFileDirectory"/> opened does, when Lucene disposes it, which Lucene does only once no
/// reader uses the file or its clones any more. Every read is checked against the slice's length.
/// </summary>
internal sealed unsafe class PointerIndexInput : IndexInput
{
    private readonly MappedFile file;
    private readonly long offset;
    private readonly long length;
    private bool owner;
    private long position;

    public PointerIndexInput(string description, MappedFile file, long offset, long length, bool owner)
        : base(description)
    {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.owner = owner;
    }

    public override long Length => length;

    public override long Position => position;

    public override byte ReadByte()
    {
        if (position >= length)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        return file.Start[offset + position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Bytes(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Bytes(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Bytes(sizeof(long)));

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > length)
        {
            throw new EndOfStreamException($"seek past EOF ({pos}): {this}");
        }

        position = pos;
    }

    public override object Clone()
    {
        var clone = (PointerIndexInput)base.Clone();
        clone.owner = false;
        return clone;
    }

    public PointerIndexInput Slice(string description, long sliceOffset, long sliceLength)
    {
        if (sliceOffset < 0 || sliceLength < 0 || sliceOffset + sliceLength > length)
        {
            throw new ArgumentException($"slice ({sliceOffset}, {sliceLength}) is out of bounds: {this}");
        }

        return new PointerIndexInput(description, file, offset + sliceOffset, sliceLength, owner: false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && owner)
        {
            owner = false;
            file.Dispose();
        }
    }

    private ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || position + count > length)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        var bytes = new ReadOnlySpan<byte>(file.Start + offset + position, count);
        position += count;
        return bytes;
    }
}
