using System.Globalization;

namespace Marketplace.Core.Common;

/// <summary>
/// Every user-facing sentence exists in Thai and English side by side, so a missing translation
/// cannot happen. The request's UI culture (set by the request localization middleware) picks one.
/// </summary>
public static class Bi
{
    public static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    public static string T(string thai, string english) => IsThai ? thai : english;

    /// <summary>Picks the Thai or English variant of user content, falling back to Thai when English is missing.</summary>
    public static string Pick(string thai, string? english) => IsThai || string.IsNullOrWhiteSpace(english) ? thai : english;
}
