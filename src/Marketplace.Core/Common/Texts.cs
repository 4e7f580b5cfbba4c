using System.Globalization;
using System.Resources;
using Marketplace.Core.Localisation;

namespace Marketplace.Core.Common;

/// <summary>
/// Interface text from the resource files for code that has no page (handlers, validators, entities' rules, e-mails).
/// The same resources back <c>IStringLocalizer&lt;SharedText&gt;</c> in the pages. A missing key comes back as the key
/// itself, as IStringLocalizer does, and the resource tests fail on it.
/// </summary>
public static class Texts
{
    public static readonly ResourceManager Resources = new(typeof(SharedText).FullName!, typeof(SharedText).Assembly);

    /// <summary>The text in the current UI culture (the request's language).</summary>
    public static string Get(string key, params object?[] args) =>
        In(CultureInfo.CurrentUICulture, key, args);

    /// <summary>The text in a given culture, such as a recipient's preferred language.</summary>
    public static string In(CultureInfo culture, string key, params object?[] args)
    {
        var format = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }
}
