using ICU4N.Globalization;
using ICU4N.Text;

namespace Marketplace.Search.Analysis;

/// <summary>Shared Thai text facilities: ICU word breaking, script tests and the Thai collation used for sorting.</summary>
public static class ThaiAnalysis
{
    private static readonly UCultureInfo ThaiCulture = new("th_TH");

    // Frozen ICU collators are immutable and therefore safe to share between threads.
    private static readonly Lazy<Collator> ThaiCollator = new(() =>
    {
        var collator = Collator.GetInstance(ThaiCulture);
        collator.Freeze();
        return collator;
    });

    [ThreadStatic]
    private static BreakIterator? threadBreaker;

    /// <summary>
    /// Loads the ICU Thai dictionary and collation data. The first use costs about half a second, so the web app
    /// calls this at start-up instead of letting the first visitor pay for it.
    /// </summary>
    public static void Warm()
    {
        var words = WordStarts("เข้าถึงข้อมูลสุขภาพบนมือถือ water quality");
        if (words.Count == 0)
        {
            throw new InvalidOperationException("ICU word breaking returned no words; the ICU data did not load.");
        }

        _ = SortKey("ระบบข้อมูล");
    }

    internal static BreakIterator NewWordBreaker() => BreakIterator.GetWordInstance(ThaiCulture);

    /// <summary>Thai consonants, vowels and tone marks; Thai digits and symbols are not part of a Thai run.</summary>
    public static bool IsThaiLetter(char c) => c is (>= '\u0E01' and <= '\u0E3A') or (>= '\u0E40' and <= '\u0E4E');

    public static bool ContainsThai(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsThaiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAllThai(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsThaiLetter(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    internal static bool HasLetterOrDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start offsets of the words (letter or digit segments) of a text, as ICU breaks them.</summary>
    public static IReadOnlyList<int> WordStarts(string text)
    {
        var breaker = threadBreaker ??= NewWordBreaker();
        var starts = new List<int>();
        breaker.SetText(text);
        var start = breaker.First();
        for (var end = breaker.Next(); end != BreakIterator.Done; start = end, end = breaker.Next())
        {
            if (HasLetterOrDigit(text, start, end))
            {
                starts.Add(start);
            }
        }

        breaker.SetText(string.Empty);
        return starts;
    }

    /// <summary>
    /// A byte key that sorts in Thai dictionary order: leading vowels (เ แ โ ใ ไ) sort by the consonant after them,
    /// which plain code-point order gets wrong.
    /// </summary>
    public static byte[] SortKey(string text) => ThaiCollator.Value.GetCollationKey(text).ToByteArray();
}
