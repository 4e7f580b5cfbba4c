using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Web.Infrastructure;

/// <summary>The words a person reads for each state and choice, in their language.</summary>
public static class Labels
{
    public static string Maturity(Maturity m) => m switch
    {
        Core.Domain.Catalogue.Maturity.Idea => Bi.T("แนวคิด", "Idea"),
        Core.Domain.Catalogue.Maturity.Prototype => Bi.T("ต้นแบบ", "Prototype"),
        Core.Domain.Catalogue.Maturity.Pilot => Bi.T("นำร่อง", "Pilot"),
        _ => Bi.T("ใช้งานจริง", "In production"),
    };

    public static string Pricing(PricingModel p) => p switch
    {
        PricingModel.Free => Bi.T("ฟรี", "Free"),
        PricingModel.OneOff => Bi.T("จ่ายครั้งเดียว", "One-off"),
        PricingModel.Subscription => Bi.T("สมัครสมาชิกรายปี/เดือน", "Subscription"),
        _ => Bi.T("ขอใบเสนอราคา", "On quotation"),
    };

    public static string Review(ReviewState r) => r switch
    {
        ReviewState.Draft => Bi.T("ฉบับร่าง", "Draft"),
        ReviewState.Submitted => Bi.T("รอตรวจ", "Waiting for review"),
        ReviewState.ChangesRequested => Bi.T("ขอให้แก้ไข", "Changes requested"),
        ReviewState.Rejected => Bi.T("ไม่ผ่าน", "Rejected"),
        _ => Bi.T("อนุมัติแล้ว", "Approved"),
    };

    public static string Visibility(Visibility v) => v switch
    {
        Core.Domain.Catalogue.Visibility.Published => Bi.T("เผยแพร่อยู่", "Public"),
        Core.Domain.Catalogue.Visibility.Withdrawn => Bi.T("ถอนแล้ว", "Withdrawn"),
        Core.Domain.Catalogue.Visibility.Unpublished => Bi.T("ถูกยกเลิกการเผยแพร่", "Unpublished by NIA"),
        _ => Bi.T("ยังไม่เผยแพร่", "Not public"),
    };

    public static string Challenge(ChallengeState s) => s switch
    {
        ChallengeState.Draft => Bi.T("ฉบับร่าง", "Draft"),
        ChallengeState.Submitted => Bi.T("รอ NIA ตรวจ", "Waiting for NIA's review"),
        ChallengeState.Published => Bi.T("เปิดรับข้อเสนอ", "Open for proposals"),
        ChallengeState.Closed => Bi.T("ปิดรับข้อเสนอแล้ว", "Closed for proposals"),
        ChallengeState.Evaluating => Bi.T("กำลังประเมิน", "Under evaluation"),
        ChallengeState.Awarded => Bi.T("ประกาศผลแล้ว", "Awarded"),
        _ => Bi.T("ยกเลิกแล้ว", "Cancelled"),
    };

    public static string Proposal(ProposalState s) => s switch
    {
        ProposalState.Submitted => Bi.T("ยื่นแล้ว", "Sent"),
        ProposalState.Withdrawn => Bi.T("ถอนแล้ว", "Withdrawn"),
        ProposalState.Shortlisted => Bi.T("ผ่านเข้ารอบ", "Shortlisted"),
        ProposalState.Awarded => Bi.T("ได้รับงาน", "Awarded"),
        _ => Bi.T("ไม่ได้รับเลือก", "Not selected"),
    };

    public static string Category(int number) => NiaCategory.ByNumber(number) is { } c ? Bi.Pick(c.NameTh, c.NameEn) : "";
}
