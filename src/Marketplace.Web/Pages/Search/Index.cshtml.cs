using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Search;
using Marketplace.Web.Api;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Search;

/// <summary>
/// The search page (/search, and /solutions for browsing): everything is in the URL, so a search can be
/// shared and works without JavaScript; facets are links that add or remove one filter.
/// </summary>
public sealed class IndexModel(IMediator mediator, ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Maturity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pricing { get; set; }
    [BindProperty(SupportsGet = true)] public string? Certified { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>Read by hand: Razor Pages reserves the route value "page" for the page's own path.</summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public SearchSolutions.Result Results { get; private set; } = null!;
    /// <summary>Category wording and province names for the facets, from memory.</summary>
    public ReferenceData.Snapshot Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Reference = await reference.GetAsync(HttpContext.RequestAborted);
        var (request, problems) = await new SearchParameters(Q, Sector, Category, Province, Maturity, Pricing, Certified, Sort, PageNumber, null)
            .ValidateAsync(reference, HttpContext.RequestAborted);
        if (request is null)
        {
            foreach (var (field, messages) in problems)
                ModelState.AddModelError(field, messages[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Results = new SearchSolutions.Result(0, 1, SearchParameters.DefaultPageSize, false, [], new Dictionary<string, IReadOnlyDictionary<string, int>>());
            return Page();
        }
        Results = await mediator.Send(new SearchSolutions.Query(request));
        return Page();
    }

    /// <summary>This page's URL with one parameter changed (null removes it); paging restarts at 1.</summary>
    public string With(string name, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["sector"] = Sector,
            ["category"] = Category,
            ["province"] = Province,
            ["maturity"] = Maturity,
            ["pricing"] = Pricing,
            ["certified"] = Certified,
            ["sort"] = Sort,
        };
        query[name] = value;
        return "/search" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public string? Current(string facet) => facet switch
    {
        "sector" => Sector,
        "category" => Category,
        "province" => Province,
        "maturity" => Maturity,
        "pricing" => Pricing,
        "certified" => Certified,
        _ => null,
    };
}
