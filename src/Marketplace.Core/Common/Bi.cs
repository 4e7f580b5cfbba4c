using System.Globalization;

namespace Marketplace.Core.Common;

/// <summary>
/// Picks between Thai and English user content (titles and summaries people write in both languages). Interface
/// text lives in the resource files instead (<see cref="Texts"/>, scripts/localise.py).
/// </summary>
public static class Bi
{
    public static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    /// <summary>Picks the Thai or English variant of user content, falling back to Thai when English is missing.</summary>
    public static string Pick(string thai, string? english) => IsThai || string.IsNullOrWhiteSpace(english) ? thai : english;
}
