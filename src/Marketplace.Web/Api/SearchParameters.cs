using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Search;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Api;

/// <summary>
/// The search filters as they arrive in a URL (the search page and GET /api/solutions share them), checked
/// against the taxonomy. Each problem names its parameter, so the API can answer 400 and the page can say what is wrong.
/// </summary>
public sealed record SearchParameters(string? Q, string? Sector, string? Category, string? Province, string? Maturity,
    string? Pricing, string? Certified, string? Sort, string? Page, string? PageSize)
{
    public const int DefaultPageSize = 20;

    public async Task<(SearchRequest? Request, Dictionary<string, string[]> Problems)> ValidateAsync(MarketplaceDbContext db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string name, string th, string en) => problems[name] = [Bi.T(th, en)];

        var sector = Parse<Sector>(Sector, "sector", problems);
        var maturity = Parse<Maturity>(Maturity, "maturity", problems);
        var pricing = Parse<PricingModel>(Pricing, "pricing", problems);
        var sort = Parse<SearchSort>(Sort, "sort", problems);
        int? category = null;
        if (!string.IsNullOrEmpty(Category))
        {
            if (int.TryParse(Category, out var number) && NiaCategory.ByNumber(number) is not null)
                category = number;
            else if (NiaCategory.BySlug(Category) is { } bySlug)
                category = bySlug.Number;
            else
                Problem("category", "ประเภทต้องเป็น 1–6 หรือชื่อย่อของประเภท", "category must be 1–6 or a category slug such as health-data");
        }
        if (!string.IsNullOrEmpty(Province) && !await db.Provinces.AnyAsync(p => p.Code == Province, ct))
            Problem("province", "ไม่รู้จักรหัสจังหวัดนี้ ใช้รหัสเช่น TH-10", "unknown province: use an ISO code such as TH-10");
        bool? certified = null;
        if (!string.IsNullOrEmpty(Certified))
        {
            if (bool.TryParse(Certified, out var flag))
                certified = flag;
            else
                Problem("certified", "ใช้ true หรือ false", "certified must be true or false");
        }
        var page = 1;
        if (!string.IsNullOrEmpty(Page) && (!int.TryParse(Page, out page) || page < 1 || page > 10_000))
            Problem("page", "หน้าต้องเป็นตัวเลข 1–10000", "page must be a number from 1 to 10000");
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(PageSize) && (!int.TryParse(PageSize, out pageSize) || pageSize < 1 || pageSize > SearchSolutions.MaxPageSize))
            Problem("pageSize", "จำนวนต่อหน้าต้องอยู่ระหว่าง 1–100", "pageSize must be between 1 and 100");

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
        problems[name] = [Bi.T($"ค่าที่ใช้ได้: {string.Join(", ", Enum.GetNames<T>())}", $"{name} must be one of: {string.Join(", ", Enum.GetNames<T>())}")];
        return null;
    }
}
