namespace Marketplace.Benchmarks;

/// <summary>
/// Thai government and technology vocabulary with English equivalents, so a generated listing's Thai and English
/// texts say the same thing. Thai words are written without spaces inside a clause, as Thai is.
/// </summary>
internal static class Vocabulary
{
    public static readonly (string Th, string En)[] Heads =
    [
        ("ระบบ", "system"), ("แพลตฟอร์ม", "platform"), ("แอปพลิเคชัน", "app"), ("เว็บไซต์", "website"),
        ("แดชบอร์ด", "dashboard"), ("ฐานข้อมูล", "database"), ("เครือข่าย", "network"), ("บริการ", "service"),
        ("เครื่องมือ", "toolkit"), ("ศูนย์ข้อมูล", "data centre"), ("ชุดข้อมูล", "dataset"), ("ระบบอัจฉริยะ", "smart system"),
    ];

    public static readonly (string Th, string En)[] Verbs =
    [
        ("ติดตาม", "tracking"), ("ตรวจสอบ", "monitoring"), ("วิเคราะห์", "analysing"), ("แจ้งเตือน", "alerts for"),
        ("จัดการ", "managing"), ("บริหาร", "administering"), ("เชื่อมโยง", "connecting"), ("เปิดเผย", "publishing"),
        ("ลงทะเบียน", "registering"), ("จองคิว", "booking queues for"), ("ชำระเงิน", "paying for"), ("ยื่นคำขอ", "applying for"),
        ("ประเมิน", "assessing"), ("คาดการณ์", "forecasting"), ("รายงาน", "reporting"), ("แบ่งปัน", "sharing"),
        ("เข้าถึง", "accessing"), ("ค้นหา", "searching"), ("ลดขั้นตอน", "simplifying"), ("เพิ่มประสิทธิภาพ", "improving"),
    ];

    /// <summary>Topics, each with the NIA category (1-6) and sector it most often belongs to.</summary>
    public static readonly (string Th, string En, int Category, string Sector)[] Topics =
    [
        ("ข้อมูลสุขภาพ", "health data", 3, "GovTech"), ("คุณภาพน้ำ", "water quality", 4, "CivilTech"),
        ("คุณภาพอากาศ", "air quality", 4, "CivilTech"), ("ฝุ่นละออง", "fine dust", 4, "CivilTech"),
        ("ขยะชุมชน", "community waste", 4, "CivilTech"), ("น้ำท่วม", "floods", 6, "GovTech"),
        ("ภัยแล้ง", "drought", 6, "GovTech"), ("ภัยพิบัติ", "disasters", 6, "GovTech"),
        ("การศึกษา", "education", 2, "EdTech"), ("โรงเรียน", "schools", 2, "EdTech"),
        ("นักเรียน", "students", 2, "EdTech"), ("ครูผู้สอน", "teachers", 2, "EdTech"),
        ("ผู้สูงอายุ", "the elderly", 3, "CivilTech"), ("ผู้พิการ", "people with disabilities", 2, "CivilTech"),
        ("เกษตรกร", "farmers", 6, "GovTech"), ("ชุมชน", "communities", 4, "CivilTech"),
        ("ประชาชน", "citizens", 1, "GovTech"), ("หน่วยงานรัฐ", "government agencies", 1, "GovTech"),
        ("เทศบาล", "municipalities", 1, "GovTech"), ("โรงพยาบาล", "hospitals", 3, "GovTech"),
        ("ผู้ป่วย", "patients", 3, "GovTech"), ("งบประมาณ", "budgets", 5, "GovTech"),
        ("การจัดซื้อจัดจ้าง", "procurement", 5, "GovTech"), ("ภาษี", "taxes", 1, "GovTech"),
        ("ใบอนุญาต", "permits", 1, "GovTech"), ("เอกสารราชการ", "official documents", 1, "GovTech"),
        ("ทะเบียนราษฎร์", "civil registration", 1, "GovTech"), ("สวัสดิการ", "welfare", 2, "GovTech"),
        ("ขนส่งสาธารณะ", "public transport", 2, "CivilTech"), ("การจราจร", "traffic", 2, "CivilTech"),
        ("ที่ดิน", "land", 6, "GovTech"), ("แผนที่", "maps", 6, "GovTech"), ("ป่าไม้", "forests", 4, "CivilTech"),
        ("แหล่งน้ำ", "water sources", 4, "CivilTech"), ("พลังงาน", "energy", 6, "CivilTech"),
        ("การท่องเที่ยว", "tourism", 6, "CivilTech"), ("วิสาหกิจชุมชน", "community enterprises", 6, "CivilTech"),
        ("สินค้าเกษตร", "farm products", 6, "CivilTech"), ("การจ้างงาน", "jobs", 2, "EdTech"),
        ("ทักษะดิจิทัล", "digital skills", 2, "EdTech"), ("หลักสูตร", "curricula", 2, "EdTech"),
        ("ห้องสมุด", "libraries", 2, "EdTech"), ("ความปลอดภัย", "safety", 2, "CivilTech"),
        ("เรื่องร้องเรียน", "complaints", 5, "GovTech"), ("ความโปร่งใส", "transparency", 5, "GovTech"),
        ("การทุจริต", "corruption", 5, "GovTech"), ("การเลือกตั้ง", "elections", 5, "CivilTech"),
        ("ความคิดเห็นประชาชน", "public feedback", 5, "CivilTech"), ("การเรียนรู้ออนไลน์", "online learning", 2, "EdTech"),
    ];

    public static readonly (string Th, string En)[] Audiences =
    [
        ("ประชาชนทั่วไป", "the public"), ("หน่วยงานท้องถิ่น", "local authorities"), ("โรงเรียนขนาดเล็ก", "small schools"),
        ("ชุมชนชนบท", "rural communities"), ("ผู้ประกอบการ", "entrepreneurs"), ("นักเรียนมัธยม", "secondary students"),
        ("ผู้สูงอายุที่อยู่ลำพัง", "elderly people living alone"), ("เกษตรกรรายย่อย", "smallholder farmers"),
        ("เจ้าหน้าที่รัฐ", "civil servants"), ("อาสาสมัครสาธารณสุข", "health volunteers"),
    ];

    public static readonly (string Th, string En)[] Connectors =
        [("สำหรับ", "for"), ("เพื่อ", "to help"), ("ให้แก่", "for"), ("ของ", "of")];

    /// <summary>Technology words, some of which Thai writers leave in Latin letters.</summary>
    public static readonly (string Th, string En)[] Technologies =
    [
        ("ปัญญาประดิษฐ์", "artificial intelligence"), ("บล็อกเชน", "blockchain"), ("คลาวด์", "cloud"),
        ("เซ็นเซอร์", "sensors"), ("IoT", "IoT"), ("โดรน", "drones"), ("แชตบอต", "chatbot"), ("คิวอาร์โค้ด", "QR codes"),
        ("ดาวเทียม", "satellite imagery"), ("GIS", "GIS"), ("AI", "AI"), ("API", "open APIs"), ("LINE", "LINE"),
        ("Open Data", "open data"), ("PM2.5", "PM2.5 readings"),
    ];

    public static readonly (string Th, string En)[] Benefits =
    [
        ("ลดเวลารอคอย", "cuts waiting times"), ("ลดต้นทุนการดำเนินงาน", "lowers running costs"), ("ลดการใช้กระดาษ", "goes paperless"),
        ("เพิ่มความโปร่งใส", "adds transparency"), ("ให้บริการได้ตลอดยี่สิบสี่ชั่วโมง", "works around the clock"),
        ("ลดขั้นตอนการติดต่อราชการ", "removes steps from dealing with government"), ("ลดความเหลื่อมล้ำ", "reduces inequality"),
        ("ช่วยตัดสินใจเชิงนโยบาย", "supports policy decisions"), ("ป้องกันการสูญหายของข้อมูล", "prevents data loss"),
        ("รองรับภาษาถิ่น", "supports local dialects"), ("ใช้งานผ่านไลน์ได้ทันที", "works straight from LINE"),
        ("ประหยัดพลังงาน", "saves energy"),
    ];

    public static readonly (string Th, string En)[] Agencies =
    [
        ("กรมการปกครอง", "the Department of Provincial Administration"), ("กรมควบคุมมลพิษ", "the Pollution Control Department"),
        ("สำนักงานเขตพื้นที่การศึกษา", "the educational service area office"), ("กรมอนามัย", "the Department of Health"),
        ("กรมชลประทาน", "the Royal Irrigation Department"), ("กรมป้องกันและบรรเทาสาธารณภัย", "the disaster prevention department"),
        ("สำนักงานสถิติแห่งชาติ", "the National Statistical Office"), ("กรมบัญชีกลาง", "the Comptroller General's Department"),
        ("กรมส่งเสริมการเกษตร", "the Department of Agricultural Extension"), ("การไฟฟ้าส่วนภูมิภาค", "the Provincial Electricity Authority"),
        ("กรุงเทพมหานคร", "the Bangkok Metropolitan Administration"), ("สำนักงานหลักประกันสุขภาพแห่งชาติ", "the National Health Security Office"),
    ];

    public static readonly (string Th, string En)[] Places =
    [
        ("เชียงใหม่", "Chiang Mai"), ("ขอนแก่น", "Khon Kaen"), ("ภูเก็ต", "Phuket"), ("นครราชสีมา", "Nakhon Ratchasima"),
        ("สงขลา", "Songkhla"), ("อุดรธานี", "Udon Thani"), ("ชลบุรี", "Chonburi"), ("น่าน", "Nan"), ("ยะลา", "Yala"),
        ("อุบลราชธานี", "Ubon Ratchathani"), ("พิษณุโลก", "Phitsanulok"), ("สุราษฎร์ธานี", "Surat Thani"), ("ลำปาง", "Lampang"),
        ("ตราด", "Trat"), ("แม่ฮ่องสอน", "Mae Hong Son"), ("นครปฐม", "Nakhon Pathom"),
    ];

    public static readonly string[] VendorStems =
    [
        "ไทยเทค", "สยามดิจิทัล", "กรุงเทพอินโนเวชัน", "ล้านนาซอฟต์", "อีสานสมาร์ท", "ทะเลใต้ดาต้า", "ชาวนาเทค",
        "พลเมืองดี", "รัฐง่าย", "ครูไทย", "เมืองใส", "น้ำดี", "ฟ้าใส", "ป่าเขียว", "ข้อมูลเปิด",
    ];

    /// <summary>Phrases planted in known listings; none can be produced by the templates above.</summary>
    public static readonly string[] PlantedPhrases =
    [
        "ระบบเตือนภัยดินถล่ม", "ธนาคารน้ำใต้ดิน", "ศูนย์ดูแลผู้ป่วยติดเตียง", "ฉลากคาร์บอนสินค้าเกษตร",
        "กองทุนหมู่บ้านดิจิทัล", "ตลาดนัดชุมชนออนไลน์", "บัตรสวัสดิการแห่งรัฐ", "แผนที่ความเสี่ยงไฟป่า",
        "ห้องเรียนกลับด้าน", "รถพยาบาลฉุกเฉินอัจฉริยะ", "ข้อมูลสุขภาพบนมือถือ", "จุดชาร์จรถยนต์ไฟฟ้า",
    ];

    /// <summary>How people type some of the planted phrases: spaced differently, or only its most telling part.</summary>
    public static readonly (string Query, string Phrase)[] PlantedQueries =
    [
        .. PlantedPhrases.Select(p => (p, p)),
        ("เตือนภัย ดินถล่ม", "ระบบเตือนภัยดินถล่ม"), ("ธนาคาร น้ำใต้ดิน", "ธนาคารน้ำใต้ดิน"),
        ("ผู้ป่วยติดเตียง", "ศูนย์ดูแลผู้ป่วยติดเตียง"), ("ฉลากคาร์บอน", "ฉลากคาร์บอนสินค้าเกษตร"),
        ("กองทุนหมู่บ้าน ดิจิทัล", "กองทุนหมู่บ้านดิจิทัล"), ("ความเสี่ยงไฟป่า", "แผนที่ความเสี่ยงไฟป่า"),
        ("รถพยาบาล ฉุกเฉิน", "รถพยาบาลฉุกเฉินอัจฉริยะ"), ("ชาร์จรถยนต์ไฟฟ้า", "จุดชาร์จรถยนต์ไฟฟ้า"),
    ];

    public static readonly string[] Provinces =
    [
        .. new[] { 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37,
            38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66,
            67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 96 }.Select(n => $"TH-{n}"),
    ];

    public static readonly string[] Maturities = ["Idea", "Prototype", "Pilot", "Production"];

    public static readonly string[] Pricings = ["Free", "OneOff", "Subscription", "Quote"];
}
