using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Marketplace.Search.Storage;

/// <summary>
/// Lucene.Net's <see cref="MMapDirectory"/>, reading the mapped files through a plain pointer. Its own inputs read
/// every byte through a byte-buffer view whose accessor takes and releases the mapping's handle per call, and clone
/// that view per term enumerator: at 100,000 listings the skip lists and position data a search reads byte by byte
/// made this about a third of re-scoring. Writing, locking and syncing are MMapDirectory's own.
/// </summary>
internal sealed class MappedFileDirectory(string folder) : MMapDirectory(folder)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var file = new MappedFile(path);
        return new PointerIndexInput($"{nameof(PointerIndexInput)}(path=\"{path}\")", file, 0, file.Length, owner: true);
    }

    // Compound files: every slice shares the one mapping, which the slicer's owner input unmaps when disposed.
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer((PointerIndexInput)OpenInput(name, context));

    private sealed class Slicer(PointerIndexInput whole) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            whole.Slice($"{whole} [slice={sliceDescription}]", offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => whole.Slice(whole.ToString(), 0, whole.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                whole.Dispose();
            }
        }
    }
}

/// <summary>One index file mapped read-only, and the address its bytes start at.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? map;
    private readonly MemoryMappedViewAccessor? view;

    public MappedFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Length = stream.Length;

        // An empty file cannot be mapped, and has nothing to read.
        if (Length == 0)
        {
            return;
        }

        map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        view = map.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        Start = start + view.PointerOffset;
    }

    public long Length { get; }

    public byte* Start { get; }

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        map?.Dispose();
    }
}
