using Marketplace.Core.Features.Transparency;

namespace Marketplace.Web.Api;

/// <summary>
/// The JSON shapes of /api/challenges and /api/awards. Both languages side by side, money in baht as exact decimals,
/// statuses and red flags as stable lower-case codes, so a consumer never depends on the reader's culture.
/// </summary>
internal static class TransparencyJson
{
    public static object Challenges(PublicChallenges.Result result, string site) => new
    {
        total = result.Total,
        page = result.Page,
        pageSize = result.PageSize,
        items = result.Items.Select(c => new
        {
            id = c.Id,
            slug = c.Slug,
            url = $"{site}/challenges/{c.Slug}",
            title = new { th = c.TitleTh, en = c.TitleEn },
            agency = Organisation(c.Agency),
            status = c.Status.ToString().ToLowerInvariant(),
            sector = c.Sector.ToString(),
            category = c.Category,
            provinces = c.Provinces,
            budget = new { minThb = Baht(c.BudgetMinSatang), maxThb = Baht(c.BudgetMaxSatang), currency = "THB" },
            publishedAt = c.PublishedAt,
            questionsDeadline = c.QuestionsDeadline,
            proposalsDeadline = c.ProposalsDeadline,
            awardedAt = c.AwardedAt,
        }),
    };

    public static object Awards(AwardRegister.Result result, string site) => new
    {
        total = result.Total,
        totalValueThb = Baht(result.TotalValueSatang),
        currency = "THB",
        page = result.Page,
        pageSize = result.PageSize,
        items = result.Items.Select(a => new
        {
            challenge = new { id = a.ChallengeId, slug = a.Slug, url = $"{site}/challenges/{a.Slug}", title = new { th = a.TitleTh, en = a.TitleEn } },
            agency = Organisation(a.Agency),
            winners = a.Winners.Select(w => new
            {
                vendor = Organisation(w.Vendor),
                valueThb = Baht(w.ValueSatang),
                contractDate = w.ContractDate,
                winsFromAgency = w.WinsFromAgency,
            }),
            valueThb = Baht(a.ValueSatang),
            awardedAt = a.AwardedAt,
            awardDate = a.AwardDate,
            proposals = a.Proposals,
            windowDays = a.WindowDays,
            redFlags = a.RedFlags.Select(f => new
            {
                code = f.Code,
                vendorId = f.VendorId,
                explanation = new { th = f.ExplanationTh, en = f.ExplanationEn },
            }),
        }),
    };

    public static decimal Baht(long satang) => satang / 100m;

    private static object Organisation(OrganisationName o) => new { id = o.Id, slug = o.Slug, th = o.NameTh, en = o.NameEn };
}
