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

    [ThreadStatic]
    private static char[]? lowerBuffer;

    [ThreadStatic]
    private static char[]? foldedBuffer;

    [ThreadStatic]
    private static char[]? outputBuffer;

    /// <summary>Upper case: the key starts the text; lower case: it starts a later word.</summary>
    public static readonly (char Start, char Inner, string Kind)[] Markers =
        [('T', 't', Suggestion.TitleKind), ('G', 'g', Suggestion.TagKind), ('V', 'v', Suggestion.VendorKind)];

    /// <summary>The keys of one text; the word starts are offsets into it (its tokens' start offsets).</summary>
    public static IEnumerable<string> Keys(string text, IEnumerable<int> wordStarts, string kind)
    {
        var (start, inner, _) = Markers.Single(m => m.Kind == kind);
        var first = text.Length - text.AsSpan().TrimStart().Length;
        var keys = new List<string>();
        foreach (var at in wordStarts.Distinct())
        {
            var key = Key(Normalise(text.AsSpan(at, Math.Min(text.Length - at, KeyLength * 2))));
            if (!key.IsEmpty)
            {
                keys.Add(string.Concat([at == first ? start : inner], key));
            }
        }

        return keys;
    }

    /// <summary>Lower-case, ASCII-folded, single-spaced: the same form for indexed texts and typed prefixes.</summary>
    public static string Normalise(string text) => new(Normalise(text.AsSpan()));

    public static string Key(string normalised) => new(Key(normalised.AsSpan()));

    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> normalised) =>
        (normalised.Length <= KeyLength ? normalised : normalised[..KeyLength]).TrimEnd();

    /// <summary>
    /// Normalises into this thread's buffers (valid until its next call): indexing normalises every word start of
    /// every title, tag and vendor name, and three new arrays and a string each were a tenth of its garbage.
    /// </summary>
    private static ReadOnlySpan<char> Normalise(ReadOnlySpan<char> text)
    {
        var lower = Buffer(ref lowerBuffer, text.Length);
        var lowerLength = text.ToLowerInvariant(lower);
        var folded = Buffer(ref foldedBuffer, lowerLength * 4);
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lowerLength);
        var output = Buffer(ref outputBuffer, length);
        var written = 0;
        var pendingSpace = false;
        for (var i = 0; i < length; i++)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) && !IsPairedAt(folded, i, length))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                output[written++] = ' ';
                pendingSpace = false;
            }

            output[written++] = c;
        }

        return output.AsSpan(0, written);
    }

    private static char[] Buffer(ref char[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new char[Math.Max(length, 4 * KeyLength * 2)];
        }

        return buffer;
    }

    private static bool IsPairedAt(char[] chars, int i, int length) =>
        char.IsHighSurrogate(chars[i])
            ? i + 1 < length && char.IsLowSurrogate(chars[i + 1])
            : i > 0 && char.IsHighSurrogate(chars[i - 1]);
}
