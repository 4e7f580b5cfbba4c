using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Transparency;

public enum AwardSort { DateDesc, DateAsc, ValueDesc, ValueAsc }

/// <summary>
/// What a reader narrows the award register to. Organisations by slug, the category by its NIA number, the province by
/// its ISO 3166-2:TH code (a challenge that names it; nationwide challenges name none), the year as the Gregorian year
/// of the award date in Bangkok time. Null means "any".
/// </summary>
public sealed record AwardFilter(string? Agency = null, string? Vendor = null, int? Category = null, string? Province = null,
    int? Year = null, RedFlagKind? Flag = null)
{
    public bool IsEmpty => this == new AwardFilter();
}

/// <summary>
/// The register's filters and orders as SQL (never by loading every award), written with plain comparisons and
/// correlated sub-queries that SQLite and PostgreSQL both run. The red-flag filters restate <see cref="RedFlags.For"/>
/// in SQL terms; the register tests check that both agree on every seeded award.
/// </summary>
public static class AwardFilters
{
    private static readonly TimeSpan Bangkok = TimeSpan.FromHours(7);

    public static IQueryable<Challenge> Apply(MarketplaceDbContext db, IQueryable<Challenge> awarded, AwardFilter filter)
    {
        if (filter.Agency is { } agency)
            awarded = awarded.Where(c => c.Agency!.Slug == agency);
        if (filter.Vendor is { } vendor)
            awarded = awarded.Where(c => db.Proposals.Any(p => p.ChallengeId == c.Id && p.State == ProposalState.Awarded && p.Vendor!.Slug == vendor));
        if (filter.Category is { } category)
            awarded = awarded.Where(c => c.Category == category);
        if (filter.Province is { } province)
        {
            var key = Challenge.ProvinceKey(province);
            awarded = awarded.Where(c => c.ProvinceCodes.Contains(key));
        }
        if (filter.Year is { } year)
        {
            DateTimeOffset? from = new DateTimeOffset(year, 1, 1, 0, 0, 0, Bangkok), until = from.Value.AddYears(1);
            awarded = awarded.Where(c => c.AwardedAt >= from && c.AwardedAt < until);
        }
        return filter.Flag switch
        {
            RedFlagKind.SingleProposal => awarded.Where(c =>
                db.Proposals.Count(p => p.ChallengeId == c.Id && p.State != ProposalState.Withdrawn) == 1),
            RedFlagKind.ShortWindow => awarded.Where(c => c.WindowDays < (int)Challenge.RecommendedWindow.TotalDays),
            RedFlagKind.RepeatWinner => awarded.Where(c => db.Proposals.Any(p => p.ChallengeId == c.Id && p.State == ProposalState.Awarded &&
                (from other in db.Proposals
                 join o in db.Challenges on other.ChallengeId equals o.Id
                 where other.State == ProposalState.Awarded && o.State == ChallengeState.Awarded
                     && o.AgencyId == c.AgencyId && other.VendorId == p.VendorId
                 select other.Id).Count() >= RedFlags.RepeatWinThreshold)),
            _ => awarded,
        };
    }

    public static IQueryable<Challenge> Order(MarketplaceDbContext db, IQueryable<Challenge> awarded, AwardSort sort)
    {
        // The value of an award is the sum of its winners' contract values.
        System.Linq.Expressions.Expression<Func<Challenge, long?>> value = c =>
            db.Proposals.Where(p => p.ChallengeId == c.Id && p.State == ProposalState.Awarded).Sum(p => p.ContractValueSatang);
        return sort switch
        {
            AwardSort.DateAsc => awarded.OrderBy(c => c.AwardedAt).ThenBy(c => c.Id),
            AwardSort.ValueDesc => awarded.OrderByDescending(value).ThenByDescending(c => c.AwardedAt).ThenByDescending(c => c.Id),
            AwardSort.ValueAsc => awarded.OrderBy(value).ThenBy(c => c.AwardedAt).ThenBy(c => c.Id),
            _ => awarded.OrderByDescending(c => c.AwardedAt).ThenByDescending(c => c.Id),
        };
    }
}
