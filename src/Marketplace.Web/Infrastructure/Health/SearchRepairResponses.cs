using Marketplace.Core.Features.Search;

namespace Marketplace.Web.Infrastructure.Health;

/// <summary>
/// While the search index is being repaired, every search (page or API) answers 503 with Retry-After instead of
/// a 500: pages get the status page that says search is being repaired, in the person's language.
/// </summary>
public static class SearchRepairResponses
{
    public static IApplicationBuilder UseSearchRepairResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (SearchUnavailableException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Items[nameof(SearchUnavailableException)] = true;
        }
    });

    /// <summary>Whether the 503 being rendered comes from a search refused during a repair.</summary>
    public static bool IsSearchRepair(HttpContext context) => context.Items.ContainsKey(nameof(SearchUnavailableException));
}
