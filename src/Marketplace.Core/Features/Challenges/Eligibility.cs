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
            problems.Add(Bi.T("โจทย์นี้ไม่ได้เปิดรับข้อเสนอแล้ว", "This challenge is not open for proposals"));
        var vendor = vendorId is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == vendorId, ct);
        if (vendor is null || vendor.Kind != OrganisationKind.Vendor)
        {
            problems.Add(Bi.T("ต้องเป็นสมาชิกของบริษัทสตาร์ทอัพที่ลงทะเบียนไว้", "You must belong to a registered startup"));
            return problems;
        }
        var rules = challenge.Content.Eligibility;
        if (rules.VerifiedOnly && vendor.Verification != VerificationState.Verified)
            problems.Add(Bi.T("โจทย์นี้รับเฉพาะบริษัทที่ NIA ยืนยันแล้ว แต่บริษัทของคุณยังไม่ได้รับการยืนยัน", "This challenge accepts only NIA-verified companies, and yours is not verified yet"));
        var listings = await PublishedListingsAsync(db, vendor.Id, ct);
        if (listings.Count == 0)
            problems.Add(Bi.T("ต้องมีโซลูชันที่เผยแพร่แล้วอย่างน้อยหนึ่งรายการเพื่อเสนอ", "You need at least one published solution to offer"));
        if (rules.RequiredCertification is { } required)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var certified = listings.Any(l => l.Content.Certifications.Any(c => c.Kind == required && (c.Expires is null || c.Expires >= today)));
            if (!certified)
                problems.Add(required == Certification.InnovationList
                    ? Bi.T("โจทย์นี้กำหนดให้โซลูชันอยู่ในบัญชีนวัตกรรมไทยที่ยังไม่หมดอายุ", "This challenge requires a solution on the Thai Innovation List with a registration that has not expired")
                    : Bi.T($"โจทย์นี้กำหนดให้มีการรับรอง {required}", $"This challenge requires the {required} certification"));
        }
        return problems;
    }

    public static async Task<List<(int Id, ListingContent Content)>> PublishedListingsAsync(MarketplaceDbContext db, int vendorId, CancellationToken ct) =>
        (await db.Listings.AsNoTracking().Where(l => l.VendorId == vendorId && l.Visibility == Visibility.Published)
            .Select(l => new { l.Id, l.Live }).ToListAsync(ct)).Select(l => (l.Id, l.Live!)).ToList();
}
