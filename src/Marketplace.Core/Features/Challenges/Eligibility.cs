using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// Whether a vendor may propose to a challenge, and if not, every reason in words it can act on, so it
/// learns before writing a proposal rather than after.
/// </summary>
public static class EligibilityCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(MarketplaceDbContext db, Challenge challenge, int? vendorId, DateTimeOffset now, CancellationToken ct)
    {
        var problems = new List<string>();
        if (!challenge.IsOpenForProposals(now))
            problems.Add(Texts.Get("Features.Challenges.Eligibility.ThisChallengeIsNotOpenFor"));
        var vendor = vendorId is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == vendorId, ct);
        if (vendor is null || vendor.Kind != OrganisationKind.Vendor)
        {
            problems.Add(Texts.Get("Features.Challenges.Eligibility.YouMustBelongToARegistered"));
            return problems;
        }
        var rules = challenge.Content.Eligibility;
        if (rules.VerifiedOnly && vendor.Verification != VerificationState.Verified)
            problems.Add(Texts.Get("Features.Challenges.Eligibility.ThisChallengeAcceptsOnlyNIAVerified"));
        var listings = await PublishedListingsAsync(db, vendor.Id, ct);
        if (listings.Count == 0)
            problems.Add(Texts.Get("Features.Challenges.Eligibility.YouNeedAtLeastOnePublished"));
        if (rules.RequiredCertification is { } required)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var certified = listings.Any(l => l.Content.Certifications.Any(c => c.Kind == required && (c.Expires is null || c.Expires >= today)));
            if (!certified)
                problems.Add(required == Certification.InnovationList
                    ? Texts.Get("Features.Challenges.Eligibility.ThisChallengeRequiresASolutionOn")
                    : Texts.Get("Features.Challenges.Eligibility.ThisChallengeRequiresTheCertification", required));
        }
        return problems;
    }

    public static async Task<List<(int Id, ListingContent Content)>> PublishedListingsAsync(MarketplaceDbContext db, int vendorId, CancellationToken ct) =>
        (await db.Listings.AsNoTracking().Where(l => l.VendorId == vendorId && l.Visibility == Visibility.Published)
            .Select(l => new { l.Id, l.Live }).ToListAsync(ct)).Select(l => (l.Id, l.Live!)).ToList();
}
