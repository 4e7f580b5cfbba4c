using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

/// <summary>Drop-down options that several forms share.</summary>
public static class Choices
{
    public static async Task<IReadOnlyList<SelectListItem>> ProvincesAsync(MarketplaceDbContext db, CancellationToken ct)
    {
        var provinces = await db.Provinces.AsNoTracking().Select(p => new { p.Code, p.NameTh, p.NameEn }).ToListAsync(ct);
        return [new SelectListItem(Texts.Get("Infrastructure.Choices.ChooseAProvince"), ""),
            .. provinces.OrderBy(p => Bi.Pick(p.NameTh, p.NameEn), StringComparer.CurrentCulture)
                .Select(p => new SelectListItem(Bi.Pick(p.NameTh, p.NameEn), p.Code))];
    }

    /// <summary>Province names by ISO code, in the reader's language, for showing stored codes.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProvinceNamesAsync(MarketplaceDbContext db, CancellationToken ct) =>
        await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => Bi.Pick(p.NameTh, p.NameEn), ct);
}
