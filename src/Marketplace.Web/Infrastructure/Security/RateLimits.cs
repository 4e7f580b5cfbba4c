using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.Core.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Infrastructure.Security;

/// <summary>Marks a page or endpoint as spending from a named budget (see <see cref="RateLimits"/>).</summary>
/// <param name="Budget">sign-in, registration, password-reset, questions or search.</param>
/// <param name="PostsOnly">Count only form posts, so showing the form is free.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class RateLimitedAttribute(string budget, bool postsOnly = true) : Attribute
{
    public string Budget { get; } = budget;
    public bool PostsOnly { get; } = postsOnly;
}

/// <summary>
/// ASP.NET Core's built-in limiter with a fixed window per budget and client address. Budgets come from
/// <c>Marketplace:RateLimits:&lt;Budget&gt;:Permits</c> and <c>:WindowSeconds</c> (documented in the README); a rejected
/// request gets 429 with Retry-After, as problem+json under /api and as the bilingual status page elsewhere.
/// </summary>
public static class RateLimits
{
    public static readonly IReadOnlyDictionary<string, (int Permits, int WindowSeconds)> Defaults = new Dictionary<string, (int, int)>
    {
        ["sign-in"] = (20, 60),
        ["registration"] = (30, 3600),
        ["password-reset"] = (10, 900),
        ["questions"] = (30, 600),
        ["search"] = (300, 60),
    };

    public static IServiceCollection AddMarketplaceRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var budgets = Defaults.ToDictionary(d => d.Key, d => (
                Permits: configuration.GetValue($"Marketplace:RateLimits:{d.Key}:Permits", d.Value.Permits),
                Window: TimeSpan.FromSeconds(configuration.GetValue($"Marketplace:RateLimits:{d.Key}:WindowSeconds", d.Value.WindowSeconds))));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var marker = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();
                if (marker is null || (marker.PostsOnly && !HttpMethods.IsPost(context.Request.Method)))
                    return RateLimitPartition.GetNoLimiter("");
                var (permits, window) = budgets[marker.Budget];
                // After UseForwardedHeaders, this is the client's address even behind a trusted proxy.
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{marker.Budget}|{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // Pages get the status page (re-executed by UseStatusCodePagesWithReExecute); the API a problem document.
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                        title: Texts.Get("Infrastructure.Security.RateLimits.TooManyRequests"),
                        detail: Texts.Get("Infrastructure.Security.RateLimits.YouSentTooManyRequestsWait"))
                        .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
