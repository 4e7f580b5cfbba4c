using System.Text;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Querying;

/// <summary>
/// Marks the Thai runs a person typed wherever they occur in a text. A bigram phrase match is exactly an ordinal
/// substring match of the run, so this gives the same result as running the Highlighter over the bigram field —
/// without analysing the text into hundreds of bigrams and building an in-memory index per hit, which cost ~0.4 ms
/// for a long description.
/// </summary>
internal static class ThaiRunMarker
{
    // How far before the first match a snippet starts, so the reader sees what leads up to it.
    private const int LeadIn = 40;

    public static string? Mark(string text, IReadOnlyList<string> runs, int? window)
    {
        var ranges = Find(text, runs);
        if (ranges.Count == 0)
        {
            return null;
        }

        var (from, to) = window is { } size ? Window(text, ranges[0], size) : (0, text.Length);
        var html = new StringBuilder(to - from + 32);
        var at = from;
        foreach (var (start, end) in ranges)
        {
            if (end <= from || start >= to)
            {
                continue;
            }

            var markStart = Math.Max(start, at);
            var markEnd = Math.Min(end, to);
            Html.AppendEscaped(html, text.AsSpan(at, markStart - at)).Append("<mark>");
            Html.AppendEscaped(html, text.AsSpan(markStart, markEnd - markStart)).Append("</mark>");
            at = markEnd;
        }

        return Html.AppendEscaped(html, text.AsSpan(at, to - at)).ToString();
    }

    private static List<(int Start, int End)> Find(string text, IReadOnlyList<string> runs)
    {
        var found = new List<(int Start, int End)>();
        foreach (var run in runs)
        {
            for (var at = text.IndexOf(run, StringComparison.Ordinal); at >= 0; at = text.IndexOf(run, at + 1, StringComparison.Ordinal))
            {
                found.Add(WholeClusters(text, at, at + run.Length));
            }
        }

        // Overlapping matches become one, merged in place.
        found.Sort();
        var merged = 0;
        for (var i = 0; i < found.Count; i++)
        {
            var range = found[i];
            if (merged > 0 && range.Start <= found[merged - 1].End)
            {
                found[merged - 1] = (found[merged - 1].Start, Math.Max(found[merged - 1].End, range.End));
            }
            else
            {
                found[merged++] = range;
            }
        }

        found.RemoveRange(merged, found.Count - merged);
        return found;
    }

    /// <summary>Widens a match so a mark tag never separates a Thai vowel or tone mark from its consonant.</summary>
    private static (int Start, int End) WholeClusters(string text, int start, int end)
    {
        while (start > 0 && IsCombining(text[start]))
        {
            start--;
        }

        while (end < text.Length && IsCombining(text[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsCombining(char c) => c is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E');

    /// <summary>About <paramref name="size"/> characters around the first match, cut at ICU word starts.</summary>
    private static (int From, int To) Window(string text, (int Start, int End) first, int size)
    {
        if (text.Length <= size)
        {
            return (0, text.Length);
        }

        var desired = Math.Max(0, first.Start - LeadIn);
        var lo = Math.Max(0, desired - 20);
        var hi = Math.Min(text.Length, desired + size + 20);
        var starts = ThaiAnalysis.WordStarts(text[lo..hi]).Select(s => s + lo).ToList();
        var from = desired == 0 ? 0 : starts.FirstOrDefault(s => s >= desired && s <= first.Start, first.Start);
        if (from + size >= text.Length)
        {
            return (from, text.Length);
        }

        var to = starts.LastOrDefault(s => s <= from + size && s >= first.End, Math.Max(first.End, from + size));
        return (from, to);
    }
}
