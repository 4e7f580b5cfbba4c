using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Matching;

/// <summary>How many of the best-matching vendors are told when a challenge is published ("Marketplace:Matching:NotifyTopVendors").</summary>
public sealed record MatchingSettings(int NotifyTopVendors = 5);

/// <summary>A vendor suggested for a challenge, with the reasons a buyer can check.</summary>
public sealed record VendorMatch(int VendorId, string VendorSlug, string VendorNameTh, string VendorNameEn, int ListingId, string ListingSlug,
    string ListingTitleTh, string? ListingTitleEn, double Score, IReadOnlyList<string> SharedTerms, bool SameSector, bool SameCategory,
    IReadOnlyList<string> SharedProvinces, Maturity Maturity);

/// <summary>
/// Ranks published solutions for a challenge with the search index (a more-like-this query over the challenge's
/// Thai and English text, boosted by sector, category and provinces), then favours proven solutions and keeps each
/// vendor's best solution. Works the same in Thai and English because the index analyses both.
/// </summary>
public sealed class VendorMatcher(SearchIndexHost search, MarketplaceDbContext db)
{
    private const int CandidatesPerVendor = 4;

    public async Task<IReadOnlyList<VendorMatch>> MatchAsync(Challenge challenge, int max, CancellationToken ct)
    {
        var c = challenge.Content;
        var similar = search.Read(index => index.MoreLikeThis(
            string.Join('\n', c.TitleTh, c.ProblemTh, c.OutcomesTh),
            c.TitleEn is null ? null : string.Join('\n', c.TitleEn, c.ProblemEn, c.OutcomesEn),
            c.Sector.ToString(), c.Category, c.Provinces, max * CandidatesPerVendor));
        var ids = similar.Select(s => s.Id).ToList();
        var listings = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Visibility == Visibility.Published)
            .Select(l => new { l.Id, l.Live, l.VendorId, VendorSlug = l.Vendor!.Slug, l.Vendor.NameTh, l.Vendor.NameEn })
            .ToDictionaryAsync(l => l.Id, ct);

        return similar.Where(s => listings.ContainsKey(s.Id)).Select(s =>
            {
                var l = listings[s.Id];
                var live = l.Live!;
                return new VendorMatch(l.VendorId, l.VendorSlug, l.NameTh, l.NameEn, l.Id, s.Slug, live.TitleTh, live.TitleEn,
                    s.Score * MaturityFactor(live.Maturity), Meaningful(s.SharedTerms), live.Sector == c.Sector, live.Categories.Contains(c.Category),
                    live.Provinces.Intersect(c.Provinces).ToList(), live.Maturity);
            })
            .GroupBy(m => m.VendorId).Select(g => g.MaxBy(m => m.Score)!)
            .OrderByDescending(m => m.Score).Take(max).ToList();
    }

    /// <summary>Vendors whose saved alert fits the challenge.</summary>
    public async Task<IReadOnlyList<int>> VendorsWithMatchingAlertsAsync(Challenge challenge, CancellationToken ct) =>
        (await db.SavedAlerts.AsNoTracking().ToListAsync(ct)).Where(a => a.Matches(challenge.Content)).Select(a => a.VendorId).Distinct().ToList();

    /// <summary>
    /// The index gives whole words as the challenge wrote them, most telling first. Single Thai syllables and
    /// two-letter words ("ก", "ถือ") match but explain nothing to a buyer, so the reasons keep longer ones, in the
    /// page's language when the challenge has words in it (an English page lists English words), longest first.
    /// </summary>
    private static IReadOnlyList<string> Meaningful(IReadOnlyList<string> terms)
    {
        var words = terms.Where(t => t.Length >= 4).ToList();
        var inLanguage = words.Where(t => IsThai(t) == Bi.IsThai).ToList();
        return (inLanguage.Count > 0 ? inLanguage : words).Take(8).OrderByDescending(t => t.Length).ToList();
    }

    private static bool IsThai(string word) => word.Any(c => c is >= '\u0E00' and <= '\u0E7F');

    /// <summary>Working solutions are safer buys: production counts a fifth more than an idea, a pilot a tenth.</summary>
    private static double MaturityFactor(Maturity maturity) => maturity switch
    {
        Maturity.Production => 1.2,
        Maturity.Pilot => 1.1,
        Maturity.Prototype => 1.0,
        _ => 0.9,
    };
}
