using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace Marketplace.Search.Indexing;

/// <summary>
/// Autocomplete keys: for every word start of a title, tag or vendor name, a kind marker and the next 24 normalised
/// characters, so a prefix seek finds "ข้อมู" inside "ระบบข้อมูลสุขภาพ" without any n-gram blow-up. Keys are short
/// and carry no display text: a long unique term per word start cost more to index than all the listing's words.
/// The text to show is read back from the stored fields of a listing that has the key.
/// </summary>
internal static class SuggestText
{
    public const int KeyLength = 24;

    /// <summary>Upper case: the key starts the text; lower case: it starts a later word.</summary>
    public static readonly (char Start, char Inner, string Kind)[] Markers =
        [('T', 't', Suggestion.TitleKind), ('G', 'g', Suggestion.TagKind), ('V', 'v', Suggestion.VendorKind)];

    /// <summary>The keys of one text; the word starts are offsets into it (its tokens' start offsets).</summary>
    public static IEnumerable<string> Keys(string text, IEnumerable<int> wordStarts, string kind)
    {
        var (start, inner, _) = Markers.Single(m => m.Kind == kind);
        var first = text.Length - text.TrimStart().Length;
        foreach (var at in wordStarts.Distinct())
        {
            var key = Key(Normalise(text.Substring(at, Math.Min(text.Length - at, KeyLength * 2))));
            if (key.Length > 0)
            {
                yield return (at == first ? start : inner) + key;
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
        (normalised.Length <= KeyLength ? normalised : normalised[..KeyLength]).TrimEnd();

    private static bool IsPairedAt(char[] chars, int i, int length) =>
        char.IsHighSurrogate(chars[i])
            ? i + 1 < length && char.IsLowSurrogate(chars[i + 1])
            : i > 0 && char.IsHighSurrogate(chars[i - 1]);
}
