using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Transparency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Api;

/// <summary>
/// The award register's filters as they arrive in a URL, shared by /awards, /api/awards and /awards.csv so the three
/// always select the same awards. Each problem names its parameter: the API answers 400 with it, the page shows it
/// next to the field.
/// </summary>
public sealed record AwardParameters(
    [FromQuery(Name = "agency")] string? Agency,
    [FromQuery(Name = "vendor")] string? Vendor,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "province")] string? Province,
    [FromQuery(Name = "year")] string? Year,
    [FromQuery(Name = "flag")] string? Flag,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize)
{
    public const int FirstYear = 2000, LastYear = 2200;

    /// <summary>The URL spelling of each sort; the first is the default.</summary>
    public static readonly IReadOnlyDictionary<string, AwardSort> Sorts = new Dictionary<string, AwardSort>
    {
        ["date_desc"] = AwardSort.DateDesc,
        ["date_asc"] = AwardSort.DateAsc,
        ["value_desc"] = AwardSort.ValueDesc,
        ["value_asc"] = AwardSort.ValueAsc,
        ["date"] = AwardSort.DateDesc,
        ["value"] = AwardSort.ValueDesc,
    };

    public static AwardParameters From(IQueryCollection q) => new(q["agency"], q["vendor"], q["category"], q["province"], q["year"],
        q["flag"], q["sort"], q["page"], q["pageSize"]);

    public async Task<(AwardRegister.Query? Query, Dictionary<string, string[]> Problems)> ValidateAsync(MarketplaceDbContext db, ReferenceData reference, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string name, string key, params object[] args) => problems[name] = [Texts.Get(key, args)];

        if (!string.IsNullOrEmpty(Agency) && !await db.Organisations.AnyAsync(o => o.Slug == Agency && o.Kind == OrganisationKind.Agency, ct))
            Problem("agency", "Api.AwardParameters.UnknownAgency");
        if (!string.IsNullOrEmpty(Vendor) && !await db.Organisations.AnyAsync(o => o.Slug == Vendor && o.Kind == OrganisationKind.Vendor, ct))
            Problem("vendor", "Api.AwardParameters.UnknownVendor");
        var category = string.IsNullOrEmpty(Category) ? null : NiaCategory.ByNumberOrSlug(Category)?.Number;
        if (!string.IsNullOrEmpty(Category) && category is null)
            Problem("category", "Api.SearchParameters.CategoryMustBeOrACategory");
        if (!string.IsNullOrEmpty(Province) && !(await reference.GetAsync(ct)).Provinces.ContainsKey(Province))
            Problem("province", "Api.SearchParameters.UnknownProvinceUseAnISOCode");
        int? year = null;
        if (!string.IsNullOrEmpty(Year))
        {
            if (int.TryParse(Year, out var y) && y is >= FirstYear and <= LastYear)
                year = y;
            else
                Problem("year", "Api.AwardParameters.YearMustBeAGregorianYear", FirstYear, LastYear);
        }
        RedFlagKind? flag = null;
        if (!string.IsNullOrEmpty(Flag))
        {
            if (Enum.TryParse<RedFlagKind>(Flag, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Flag, out _))
                flag = parsed;
            else
                Problem("flag", "Api.SearchParameters.MustBeOneOf", string.Join(", ", Enum.GetNames<RedFlagKind>()), "flag");
        }
        var sort = AwardSort.DateDesc;
        if (!string.IsNullOrEmpty(Sort) && !Sorts.TryGetValue(Sort, out sort))
            Problem("sort", "Api.SearchParameters.MustBeOneOf", "date_desc, date_asc, value_desc, value_asc", "sort");
        var paging = Paging.Parse(Page, PageSize, AwardRegister.MaxPageSize, problems);

        if (problems.Count > 0)
            return (null, problems);
        var filter = new AwardFilter(NullIfEmpty(Agency), NullIfEmpty(Vendor), category, NullIfEmpty(Province), year, flag);
        return (new AwardRegister.Query(paging.Page, paging.PageSize) { Filter = filter, Sort = sort }, problems);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
