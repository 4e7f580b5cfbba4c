using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Infrastructure;

/// <summary>Thai first, English second; the choice is remembered in the standard culture cookie.</summary>
public static class Languages
{
    public const string Thai = "th-TH";
    public const string English = "en-US";

    public static RequestLocalizationOptions Options()
    {
        var cultures = new[] { new CultureInfo(Thai), new CultureInfo(English) };
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Thai),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Order: an explicit ?culture= link, then the remembered cookie; the browser's Accept-Language is
        // ignored because Thai is the default for everyone until they choose otherwise.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapPost("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is null)
                return Results.BadRequest();
            var chosen = culture == English ? English : Thai;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });

    /// <summary>
    /// A path on this site: one leading slash, not followed by another slash or a backslash (browsers read "/\evil"
    /// as "//evil"), and no control characters (a decoded "/%09/evil" is "/\t/evil", which browsers also strip to "//evil").
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is ['/', ..] && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);
}
