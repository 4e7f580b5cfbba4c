using Marketplace.Core.Domain;
using Marketplace.Core.Features.Challenges;

namespace Marketplace.Core.Tests.Challenges;

public static class ChallengeForms
{
    /// <summary>A valid challenge whose proposals close <paramref name="windowDays"/> days after <paramref name="today"/>.</summary>
    public static ChallengeForm Valid(DateOnly today, int windowDays = 35, bool requireInnovationList = false) => new()
    {
        TitleTh = "ระบบแจ้งเตือนคุณภาพน้ำสำหรับชุมชนริมแม่น้ำ " + Guid.NewGuid().ToString("N")[..4],
        TitleEn = "Water quality alerts for riverside communities",
        ProblemTh = "ชุมชนริมแม่น้ำไม่รู้ว่าคุณภาพน้ำเปลี่ยนไปเมื่อใด ต้องรอผลตรวจจากห้องปฏิบัติการหลายสัปดาห์ ต้องการเซนเซอร์วัดคุณภาพน้ำและแจ้งเตือนบนมือถือ",
        ProblemEn = "Riverside communities do not know when water quality changes; lab results take weeks. We need water quality sensors and mobile alerts.",
        OutcomesTh = "ชุมชนได้รับการแจ้งเตือนคุณภาพน้ำภายในหนึ่งชั่วโมง",
        OutcomesEn = "Communities are alerted to water quality changes within an hour.",
        Sector = Sector.CivilTech,
        Category = 4,
        Provinces = ["TH-50"],
        BudgetMinBaht = "500000",
        BudgetMaxBaht = "2,000,000",
        QuestionsDeadline = today.AddDays(windowDays - 10),
        ProposalsDeadline = today.AddDays(windowDays),
        Criteria =
        [
            new() { NameTh = "ความเหมาะสมของแนวทาง", Weight = 50 },
            new() { NameTh = "ราคา", Weight = 30 },
            new() { NameTh = "ประสบการณ์", Weight = 20 },
        ],
        VerifiedOnly = true,
        RequireInnovationList = requireInnovationList,
        ContactEmail = "saraban@agency.example",
    };
}
