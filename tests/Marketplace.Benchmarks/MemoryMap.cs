using System.Globalization;

namespace Marketplace.Benchmarks;

/// <summary>
/// Splits a process's resident memory as Linux counts it (/proc/PID/smaps): anonymous pages (the GC heaps, native
/// allocations; only swap can take them back), the runtime's generated code, and pages of mapped files (the
/// memory-mapped index files, the database, the runtime and assemblies; page cache the kernel can drop and read again).
/// </summary>
internal static class MemoryMap
{
    public static string Describe(int pid, string dataFolder)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/smaps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(memory map not readable: {e.Message})";
        }
        long anonymous = 0, jit = 0, index = 0, database = 0, code = 0, otherFiles = 0;
        string? path = null;
        long rss = 0;
        void Close()
        {
            if (path is null)
                return;
            // Generated code lives in a memory file mapped twice, writable and executable (W^X): each view counts in
            // the resident figure. Not page cache: it cannot be dropped.
            if (path.StartsWith("/memfd:doublemapper", StringComparison.Ordinal))
                jit += rss;
            else if (path.StartsWith(dataFolder, StringComparison.Ordinal))
            {
                if (path.Contains("search-index", StringComparison.Ordinal))
                    index += rss;
                else
                    database += rss;
            }
            else if (path.EndsWith(".dll", StringComparison.Ordinal) || path.Contains(".so", StringComparison.Ordinal) || path.EndsWith("/dotnet", StringComparison.Ordinal))
                code += rss;
            else
                otherFiles += rss;
        }
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
                continue;
            if (fields[0].Contains('-', StringComparison.Ordinal) && fields.Length >= 5 && !fields[0].EndsWith(':'))
            {
                Close();
                path = fields.Length >= 6 && fields[5].StartsWith('/') ? string.Join(' ', fields[5..]) : null;
                rss = 0;
            }
            else if (fields[0] == "Rss:")
            {
                rss = Kb(fields[1]);
            }
            else if (fields[0] == "Anonymous:")
            {
                var anon = Kb(fields[1]);
                anonymous += anon;
                rss -= anon; // copied-on-write pages of a file mapping are private memory, not page cache
            }
        }
        Close();
        return string.Create(CultureInfo.InvariantCulture,
            $"resident {Mb(anonymous + jit + index + database + code + otherFiles)}: anonymous {Mb(anonymous)}, generated code (both views) {Mb(jit)}; file-backed: index {Mb(index)}, database {Mb(database)}, runtime and assemblies {Mb(code)}, other files {Mb(otherFiles)}; {Collector(pid)}");
    }

    /// <summary>Which garbage collector the process runs: the server GC has a thread per heap, named for it.</summary>
    private static string Collector(int pid)
    {
        var threads = Directory.GetDirectories($"/proc/{pid}/task")
            .Count(t => File.ReadAllText(Path.Combine(t, "comm")).Contains("Server GC", StringComparison.Ordinal));
        return threads > 0 ? $"server GC with {threads} heaps" : "workstation GC";
    }

    private static long Kb(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    private static string Mb(long kb) => string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0:N0} MB");
}
