using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Catalogue;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>A complete listing that passes every quality check; tests change one thing at a time.</summary>
public static class ListingForms
{
    /// <param name="title">Defaults to a title unique within the test run, so the duplicate-title check stays quiet.</param>
    public static ListingForm Complete(string? title = null) => new()
    {
        TitleTh = title ?? "ระบบนัดหมายคลินิกออนไลน์ " + Guid.NewGuid().ToString("N")[..6],
        TitleEn = "Online clinic booking " + Guid.NewGuid().ToString("N")[..6],
        SummaryTh = "ผู้ป่วยจองคิวโรงพยาบาลชุมชนผ่านมือถือ ลดเวลารอหน้าห้องตรวจ",
        DescriptionTh = string.Concat(Enumerable.Repeat("ระบบช่วยให้ประชาชนเข้าถึงข้อมูลสุขภาพบนมือถือและจองคิวได้ทันที ", 5)),
        Sector = Sector.GovTech,
        PrimaryCategory = 3,
        SecondaryCategories = [1],
        Tags = "สุขภาพ, mobile",
        Provinces = ["TH-10", "TH-50"],
        Maturity = Maturity.Pilot,
        PricingModel = PricingModel.Subscription,
        PriceBaht = "45,000",
        Website = "https://clinic.example/product",
        Packages = [new ListingForm.PackageRow { NameTh = "นำร่อง 3 เดือน", PriceBaht = "150000", DurationDays = 90, IncludesTh = "ติดตั้งและอบรม" }],
    };
}
