using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Search;
using Marketplace.Search;

namespace Marketplace.Web.Api;

/// <summary>
/// The search filters as they arrive in a URL (the search page and GET /api/solutions share them), checked
/// against the taxonomy. Each problem names its parameter, so the API can answer 400 and the page can say what is wrong.
/// </summary>
public sealed record SearchParameters(string? Q, string? Sector, string? Category, string? Province, string? Maturity,
    string? Pricing, string? Certified, string? Sort, string? Page, string? PageSize)
{
    public const int DefaultPageSize = 20;

    public async Task<(SearchRequest? Request, Dictionary<string, string[]> Problems)> ValidateAsync(ReferenceData reference, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string name, string message) => problems[name] = [message];

        var sector = Parse<Sector>(Sector, "sector", problems);
        var maturity = Parse<Maturity>(Maturity, "maturity", problems);
        var pricing = Parse<PricingModel>(Pricing, "pricing", problems);
        var sort = Parse<SearchSort>(Sort, "sort", problems);
        var category = string.IsNullOrEmpty(Category) ? null : NiaCategory.ByNumberOrSlug(Category)?.Number;
        if (!string.IsNullOrEmpty(Category) && category is null)
            Problem("category", Texts.Get("Api.SearchParameters.CategoryMustBeOrACategory"));
        if (!string.IsNullOrEmpty(Province) && !(await reference.GetAsync(ct)).Provinces.ContainsKey(Province))
            Problem("province", Texts.Get("Api.SearchParameters.UnknownProvinceUseAnISOCode"));
        bool? certified = null;
        if (!string.IsNullOrEmpty(Certified))
        {
            if (bool.TryParse(Certified, out var flag))
                certified = flag;
            else
                Problem("certified", Texts.Get("Api.SearchParameters.CertifiedMustBeTrueOrFalse"));
        }
        var page = 1;
        if (!string.IsNullOrEmpty(Page) && (!int.TryParse(Page, out page) || page < 1 || page > 10_000))
            Problem("page", Texts.Get("Api.SearchParameters.PageMustBeANumberFrom"));
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(PageSize) && (!int.TryParse(PageSize, out pageSize) || pageSize < 1 || pageSize > SearchSolutions.MaxPageSize))
            Problem("pageSize", Texts.Get("Api.SearchParameters.PageSizeMustBeBetweenAnd"));

        if (problems.Count > 0)
            return (null, problems);
        var query = Q is { Length: > 2000 } ? Q[..2000] : Q;
        return (new SearchRequest(query, sector?.ToString(), category, string.IsNullOrEmpty(Province) ? null : Province, maturity?.ToString(),
            pricing?.ToString(), certified, sort ?? SearchSort.Relevance, page, pageSize), problems);
    }

    private static T? Parse<T>(string? value, string name, Dictionary<string, string[]> problems) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        problems[name] = [Texts.Get("Api.SearchParameters.MustBeOneOf", string.Join(", ", Enum.GetNames<T>()), name)];
        return null;
    }
}
