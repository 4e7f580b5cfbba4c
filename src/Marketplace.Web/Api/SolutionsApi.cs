using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Infrastructure;
using MediatR;

namespace Marketplace.Web.Api;

/// <summary>GET /api/solutions and GET /api/suggest: the catalogue as open data, documented in the README.</summary>
public static class SolutionsApi
{
    public static void MapSolutionsApi(this WebApplication app)
    {
        app.MapGet("/api/solutions", async (HttpContext http, IMediator mediator, ReferenceData reference, string? q, string? sector,
            string? category, string? province, string? maturity, string? pricing, string? certified, string? sort, string? page, string? pageSize) =>
        {
            var (request, problems) = await new SearchParameters(q, sector, category, province, maturity, pricing, certified, sort, page, pageSize)
                .ValidateAsync(reference, http.RequestAborted);
            if (request is null)
                return Results.ValidationProblem(problems, title: "The search parameters are not valid", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
            var result = await mediator.Send(new SearchSolutions.Query(request), http.RequestAborted);
            var baseUrl = SiteAddress.Of(http.Request);
            return Results.Json(new
            {
                total = result.Total,
                page = result.Page,
                pageSize = result.PageSize,
                items = result.Items.Select(i => new
                {
                    id = i.Id,
                    slug = i.Slug,
                    url = $"{baseUrl}/solutions/{i.Slug}",
                    title = new { th = i.TitleTh, en = i.TitleEn },
                    summary = new { th = i.SummaryTh, en = i.SummaryEn },
                    vendor = new { slug = i.VendorSlug, th = i.VendorNameTh, en = i.VendorNameEn },
                    sector = i.Sector,
                    categories = i.Categories,
                    provinces = i.Provinces,
                    highlight = new { title = i.TitleHtml, snippet = i.SnippetHtml },
                }),
                facets = result.Facets,
            });
        }).WithMetadata(new Infrastructure.Security.RateLimitedAttribute("search", postsOnly: false));

        app.MapGet("/api/suggest", async (IMediator mediator, string? q, CancellationToken ct) =>
            Results.Json((await mediator.Send(new SuggestSolutions.Query(q), ct)).Select(s => new { text = s.Text, kind = s.Kind })));
    }
}
