using System.Text;
using System.Text.Encodings.Web;
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

    // The page's parameters in URL order, for the links that change one of them.
    private static readonly string[] LinkParameters = ["q", "sector", "category", "province", "maturity", "pricing", "certified", "sort"];
    private string?[]? encodedParameters;

    /// <summary>
    /// This page's URL with one parameter changed (null removes it); paging restarts at 1. A results page carries a
    /// link per facet value (a hundred at 100,000 listings), so each parameter is URL-encoded once per request, not
    /// once per link.
    /// </summary>
    public string With(string name, string? value)
    {
        encodedParameters ??= LinkParameters.Select(p => Encoded(p, Value(p))).ToArray();
        var url = new StringBuilder("/search", 128);
        for (var i = 0; i < LinkParameters.Length; i++)
        {
            if ((LinkParameters[i] == name ? Encoded(name, value) : encodedParameters[i]) is { } pair)
            {
                url.Append(url.Length == "/search".Length ? '?' : '&').Append(pair);
            }
        }
        return url.ToString();
    }

    private static string? Encoded(string name, string? value) =>
        string.IsNullOrEmpty(value) ? null : name + "=" + UrlEncoder.Default.Encode(value);

    private string? Value(string parameter) => parameter switch
    {
        "q" => Q,
        "sort" => Sort,
        _ => Current(parameter),
    };

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
