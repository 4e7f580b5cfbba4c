namespace Marketplace.Core.Domain;

public enum Sector { GovTech, CivilTech, EdTech }

/// <summary>One of the six kinds of public-sector innovation named by NIA's "GovTech Next Move".</summary>
public sealed record NiaCategory(int Number, string Slug, string NameTh, string NameEn, string DescriptionTh, string DescriptionEn)
{
    /// <summary>Fixed by NIA's programme; code rather than data, so every rule and URL can rely on it.</summary>
    public static readonly IReadOnlyList<NiaCategory> All =
    [
        new(1, "faster-services", "ลดขั้นตอน เพิ่มความเร็ว", "Faster public services",
            "บริการภาครัฐที่ใช้ขั้นตอนน้อยลงและรอน้อยลง", "Public services with fewer steps and less waiting"),
        new(2, "easier-life", "เปลี่ยนไลฟ์สไตล์ ให้ง่ายกว่าเดิม", "Easier everyday life",
            "ทำให้ชีวิตประจำวันของประชาชนง่ายขึ้น", "Making citizens' everyday life simpler"),
        new(3, "health-data", "เข้าถึงข้อมูลสุขภาพบนมือถือ", "Health data on mobile",
            "ประชาชนและบุคลากรเข้าถึงข้อมูลสุขภาพได้บนมือถือ", "Citizens and health workers reach health data on their phones"),
        new(4, "community-data", "เชื่อมต่อข้อมูลเข้าถึงชุมชน", "Community data: water, air, natural resources",
            "ข้อมูลน้ำ อากาศ และทรัพยากรธรรมชาติที่ชุมชนเข้าถึงได้", "Data on water, air and natural resources that communities can use"),
        new(5, "transparency", "โปร่งใส ตรวจสอบได้", "Transparency and accountability",
            "การทำงานของรัฐที่เปิดเผยและตรวจสอบได้", "Government work that is open and can be audited"),
        new(6, "spatial-balance", "จัดสรรพื้นที่ ใช้เทคโนโลยีสร้างความสมดุล", "Spatial and regional balance",
            "ใช้เทคโนโลยีกระจายโอกาสและทรัพยากรสู่ทุกภูมิภาค", "Technology that spreads opportunity and resources across regions"),
    ];

    public static NiaCategory? ByNumber(int number) => All.FirstOrDefault(c => c.Number == number);

    public static NiaCategory? BySlug(string? slug) => All.FirstOrDefault(c => c.Slug == slug);

    /// <summary>A category as URLs name it: by its number ("3") or its slug.</summary>
    public static NiaCategory? ByNumberOrSlug(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? ByNumber(number) : BySlug(text);
}
