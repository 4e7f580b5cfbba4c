namespace Marketplace.Benchmarks;

/// <summary>One benchmark query: words (or none, for browsing), filters, and whether the page shows facet counts.</summary>
internal sealed record BenchQuery(string Kind, string? Text, string? Sector = null, int? Category = null, string? Province = null,
    bool Faceted = false);

/// <summary>The fixed query mix: the same queries, in the same order, for every engine and size.</summary>
internal static class QueryMix
{
    public const string Thai = "thai";
    public const string English = "english";
    public const string Mixed = "mixed";
    public const string Filtered = "filtered";
    public const string Faceted = "faceted";

    public static readonly IReadOnlyList<BenchQuery> Queries =
    [
        new(Thai, "ข้อมูลสุขภาพ"), new(Thai, "คุณภาพน้ำ"), new(Thai, "ระบบแจ้งเตือน"), new(Thai, "โรงเรียน"),
        new(Thai, "เกษตรกรรายย่อย"), new(Thai, "งบประมาณ"), new(Thai, "ภัยพิบัติ"), new(Thai, "ผู้สูงอายุ"),
        new(Thai, "ขยะชุมชน"), new(Thai, "ใบอนุญาต"), new(Thai, "การเรียนรู้ออนไลน์"), new(Thai, "ฝุ่นละออง"),
        new(Thai, "ธนาคารน้ำใต้ดิน"), new(Thai, "จองคิว โรงพยาบาล"),

        new(English, "water quality"), new(English, "health data"), new(English, "transparency"), new(English, "procurement"),
        new(English, "monitoring"), new(English, "schools"), new(English, "farmers"), new(English, "disaster alerts"),
        new(English, "transparancy"), new(English, "open data platform"), new(English, "the elderly living alone"),

        new(Mixed, "ระบบ AI"), new(Mixed, "แพลตฟอร์ม open data"), new(Mixed, "IoT คุณภาพน้ำ"), new(Mixed, "dashboard งบประมาณ"),
        new(Mixed, "chatbot ประชาชน"), new(Mixed, "GIS แผนที่"),

        new(Filtered, "ข้อมูลสุขภาพ", Sector: "GovTech"), new(Filtered, "water quality", Province: "TH-50"),
        new(Filtered, "โรงเรียน", Category: 2), new(Filtered, "การจัดซื้อจัดจ้าง", Sector: "GovTech", Category: 5),
        new(Filtered, "AI", Province: "TH-10", Category: 3),

        new(Faceted, null, Faceted: true), new(Faceted, null, Sector: "EdTech", Faceted: true),
        new(Faceted, null, Category: 4, Province: "TH-83", Faceted: true), new(Faceted, "ชุมชน", Faceted: true),
        new(Faceted, "health data", Sector: "GovTech", Faceted: true), new(Faceted, "ความโปร่งใส", Category: 5, Faceted: true),
    ];
}
