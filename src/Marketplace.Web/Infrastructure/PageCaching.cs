using System.Globalization;
using System.IO.Compression;
using Marketplace.Core.Features.Search;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Output caching of the public pages and feeds an anonymous visitor reads (home, search, browse, listings, vendors,
/// challenges, the award and purchase registers, the open-data feeds), with compression of what is cached.
/// A page is cached only for a visitor who sends no cookie but the language one, so nothing personal (a signed-in
/// menu, a flash message, an antiforgery token) can be stored or served. Keys include the query string, the
/// language and the version of the data the page shows (<see cref="PublicChanges"/>): a page rendered before a change
/// is never served after it, even if it was stored late; the stale entries are also evicted by tag.
/// </summary>
public static class PageCaching
{
    public const string CatalogueTag = "catalogue";
    public const string RecordsTag = "records";

    // A backstop for what changes with the clock alone (a challenge's "closes in 2 days", an expired certificate).
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new PublicPagePolicy());
            options.SizeLimit = 64 * 1024 * 1024;
        });
        services.AddResponseCompression(options =>
        {
            // Only anonymous responses are compressed (see UsePageCaching), so no secret shares a compressed body with
            // reflected input (BREACH).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "text/csv", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>After authentication (the policy looks at the user) and localisation (it varies by language).</summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<PublicChanges>().Changed += pages =>
        {
            // Keys already moved with the versions; evicting frees the memory of pages nobody can be served any more.
            if (pages.HasFlag(ChangedPages.Catalogue))
                _ = store.EvictByTagAsync(CatalogueTag, CancellationToken.None).AsTask();
            if (pages.HasFlag(ChangedPages.PublicRecords))
                _ = store.EvictByTagAsync(RecordsTag, CancellationToken.None).AsTask();
        };
        app.UseOutputCache();
        // Inside the cache, so a page is compressed once per encoding and served compressed from the cache after that.
        app.UseWhen(context => IsAnonymous(context.Request), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>Which data a public path shows; None for everything else (never cached).</summary>
    public static ChangedPages DataOf(PathString path)
    {
        var p = path.Value?.TrimEnd('/').ToLowerInvariant() ?? "";
        // The home page names the categories: taxonomy, which moves every version.
        if (p is "" or "/search" or "/solutions" or "/api/solutions" or "/api/suggest"
            || p.StartsWith("/solutions/", StringComparison.Ordinal) && !p.Contains("/buy", StringComparison.Ordinal))
            return ChangedPages.Catalogue;
        // A vendor's page lists its listings and also the awards it won and the packages it sold.
        if (p.StartsWith("/vendors/", StringComparison.Ordinal))
            return ChangedPages.Catalogue | ChangedPages.PublicRecords;
        if (p is "/challenges" or "/awards" or "/purchases" or "/awards.csv" or "/purchases.csv" or "/open-data"
            || p.StartsWith("/open-data/", StringComparison.Ordinal)
            || p.StartsWith("/challenges/", StringComparison.Ordinal) && !p.EndsWith("/proposal", StringComparison.Ordinal)
            || p.StartsWith("/api/challenges", StringComparison.Ordinal) || p.StartsWith("/api/awards", StringComparison.Ordinal)
            || p.StartsWith("/api/purchases", StringComparison.Ordinal) || p.StartsWith("/api/ocds/", StringComparison.Ordinal)
            || p.StartsWith("/agencies", StringComparison.Ordinal))
            return ChangedPages.PublicRecords;
        if (p is "/statistics")
            return ChangedPages.Catalogue | ChangedPages.PublicRecords;
        return ChangedPages.None;
    }

    /// <summary>No signed-in user, no credentials and no cookie other than the language choice.</summary>
    public static bool IsAnonymous(HttpRequest request) =>
        request.HttpContext.User.Identity?.IsAuthenticated != true
        && string.IsNullOrEmpty(request.Headers.Authorization)
        && request.Cookies.Keys.All(name => name == CookieRequestCultureProvider.DefaultCookieName);

    private sealed class PublicPagePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var data = DataOf(request.Path);
            var cacheable = data != ChangedPages.None && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && IsAnonymous(request);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = cacheable;
            if (!cacheable)
                return ValueTask.CompletedTask;

            var changes = http.RequestServices.GetRequiredService<PublicChanges>();
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["encoding"] = Encoding(request);
            // Read before the page is rendered: a page that read older data is stored under an older key.
            context.CacheVaryByRules.VaryByValues["data"] = string.Create(CultureInfo.InvariantCulture,
                $"{(data.HasFlag(ChangedPages.Catalogue) ? changes.CatalogueVersion : 0)}.{(data.HasFlag(ChangedPages.PublicRecords) ? changes.RecordsVersion : 0)}");
            if (data.HasFlag(ChangedPages.Catalogue))
                context.Tags.Add(CatalogueTag);
            if (data.HasFlag(ChangedPages.PublicRecords))
                context.Tags.Add(RecordsTag);
            context.ResponseExpirationTimeSpan = Lifetime;
            // Registered before the page's own callbacks, so it runs after them (they run last-in, first-out).
            http.Response.OnStarting(() =>
            {
                DropNeedlessDeletions(request, http.Response);
                return Task.CompletedTask;
            });
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only a complete, ordinary page: not an error, a redirect to sign in, or a response that sets a cookie.
            if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// The layout reads TempData (flash messages), and its cookie provider then "deletes" its cookie on every
        /// response, sent or not, which would make every page uncacheable. Deleting a cookie the request did not carry
        /// changes nothing in the browser.
        /// </summary>
        private static void DropNeedlessDeletions(HttpRequest request, HttpResponse response)
        {
            var cookies = response.Headers.SetCookie;
            if (cookies.Count == 0)
                return;
            var kept = cookies.Where(c => c is null || !(c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)
                && !request.Cookies.ContainsKey(c[..Math.Max(0, c.IndexOf('=', StringComparison.Ordinal))]))).ToArray();
            if (kept.Length != cookies.Count)
                response.Headers.SetCookie = kept;
        }

        // The compression below the cache picks Brotli, then gzip; two browsers asking alike share one entry.
        private static string Encoding(HttpRequest request)
        {
            var accepted = request.Headers.AcceptEncoding.ToString();
            return accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br"
                : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip" : "";
        }
    }
}
