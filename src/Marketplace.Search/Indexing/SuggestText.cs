using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Marketplace.Search.Indexing;

/// <summary>
/// The autocomplete vocabulary lives in the terms dictionary as "normalised suffix" + separator + "display text",
/// with one suffix per word start. A prefix seek then finds "ข้อมู" inside "ระบบข้อมูลสุขภาพ" without any
/// n-gram blow-up, and identical texts across listings collapse into one term whose document frequency ranks it.
/// </summary>
internal static class SuggestText
{
    public const char Separator = '\u0001';
    public const int MaxKeyLength = 60;
    private const int MaxDisplayLength = 150;

    /// <summary>One term per word start; the starts are offsets into <paramref name="display"/> (its tokens' offsets).</summary>
    public static IEnumerable<string> Terms(string display, IEnumerable<int> wordStarts)
    {
        var shown = Clean(display);
        if (shown.Length == 0)
        {
            yield break;
        }

        var lead = display.Length - display.TrimStart().Length;
        foreach (var start in wordStarts.Distinct())
        {
            var at = start - lead;
            if (at >= 0 && at < shown.Length)
            {
                yield return Key(Normalise(shown[at..Math.Min(shown.Length, at + MaxKeyLength)])) + Separator + shown;
            }
        }
    }

    /// <summary>Lower-case, ASCII-folded, single-spaced: the same form for indexed texts and typed prefixes.</summary>
    public static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant().ToCharArray();
        var folded = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lower.Length);
        var builder = new StringBuilder(length);
        var pendingSpace = false;
        for (var i = 0; i < length; i++)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) && !IsPairedAt(folded, i, length))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Key(string normalised) =>
        normalised.Length <= MaxKeyLength ? normalised : normalised[..MaxKeyLength];

    public static (string Key, string Display) Split(string term)
    {
        var at = term.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (term, term) : (term[..at], term[(at + 1)..]);
    }

    private static string Clean(string display)
    {
        var builder = new StringBuilder(Math.Min(display.Length, MaxDisplayLength));
        foreach (var c in display.Trim())
        {
            if (builder.Length == MaxDisplayLength)
            {
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static bool IsPairedAt(char[] chars, int i, int length) =>
        char.IsHighSurrogate(chars[i])
            ? i + 1 < length && char.IsLowSurrogate(chars[i + 1])
            : i > 0 && char.IsHighSurrogate(chars[i - 1]);
}
