using FluentValidation;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Organisations;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// What must hold for a listing to be saved at all (a draft may be incomplete; <see cref="ListingQuality"/>
/// decides whether it can be submitted). Messages say what to do, in the person's language.
/// </summary>
public sealed class ListingFormValidator : AbstractValidator<ListingForm>
{
    public ListingFormValidator(IReadOnlySet<string> provinceCodes)
    {
        RuleFor(x => x.TitleTh).NotEmpty().WithMessage(_ => Bi.T("กรอกชื่อโซลูชันภาษาไทย", "Enter the solution's name in Thai"))
            .MaximumLength(120).WithMessage(_ => Bi.T("ชื่อยาวได้ไม่เกิน 120 ตัวอักษร", "The name must be 120 characters or fewer"));
        RuleFor(x => x.TitleEn).MaximumLength(120).WithMessage(_ => Bi.T("ชื่อยาวได้ไม่เกิน 120 ตัวอักษร", "The name must be 120 characters or fewer"));
        RuleFor(x => x.SummaryTh).MaximumLength(300).WithMessage(_ => Bi.T("สรุปยาวได้ไม่เกิน 300 ตัวอักษร", "The summary must be 300 characters or fewer"));
        RuleFor(x => x.SummaryEn).MaximumLength(300).WithMessage(_ => Bi.T("สรุปยาวได้ไม่เกิน 300 ตัวอักษร", "The summary must be 300 characters or fewer"));
        RuleFor(x => x.DescriptionTh).MaximumLength(20000).WithMessage(_ => Bi.T("คำอธิบายยาวได้ไม่เกิน 20,000 ตัวอักษร", "The description must be 20,000 characters or fewer"));
        RuleFor(x => x.DescriptionEn).MaximumLength(20000).WithMessage(_ => Bi.T("คำอธิบายยาวได้ไม่เกิน 20,000 ตัวอักษร", "The description must be 20,000 characters or fewer"));
        RuleFor(x => x.Sector).IsInEnum().WithMessage(_ => Bi.T("เลือกกลุ่ม GovTech, CivilTech หรือ EdTech", "Choose GovTech, CivilTech or EdTech"));
        RuleFor(x => x.PrimaryCategory).Must(c => NiaCategory.ByNumber(c) is not null)
            .WithMessage(_ => Bi.T("เลือกประเภทนวัตกรรมหลัก", "Choose the main innovation category"));
        RuleFor(x => x.SecondaryCategories).Must(cs => cs.All(c => NiaCategory.ByNumber(c) is not null))
            .WithMessage(_ => Bi.T("เลือกประเภทรองจากรายการเท่านั้น", "Choose secondary categories from the list"));
        RuleFor(x => x.Provinces).Must(ps => ps.All(provinceCodes.Contains))
            .WithMessage(_ => Bi.T("เลือกจังหวัดจากรายการเท่านั้น", "Choose provinces from the list"));
        RuleFor(x => x.Maturity).IsInEnum().WithMessage(_ => Bi.T("เลือกระดับความพร้อม", "Choose the maturity"));
        RuleFor(x => x.AgenciesUsing).InclusiveBetween(1, 10000).When(x => x.Maturity == Maturity.Production)
            .WithMessage(_ => Bi.T("ระบุจำนวนหน่วยงานที่ใช้งานจริง (อย่างน้อย 1)", "Enter how many agencies use it in production (at least 1)"));
        RuleFor(x => x.PricingModel).IsInEnum().WithMessage(_ => Bi.T("เลือกรูปแบบราคา", "Choose the pricing model"));
        RuleFor(x => x.PriceBaht).Must(p => Money.ParseBaht(p) is not null).When(x => !string.IsNullOrWhiteSpace(x.PriceBaht))
            .WithMessage(_ => Bi.T("กรอกราคาเป็นตัวเลขบาท เช่น 45000 หรือ 45,000.50", "Enter the price in baht, for example 45000 or 45,000.50"));
        RuleFor(x => x.Website).Must(ProfileRules.BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMessage(_ => Bi.T("กรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย https://", "Enter a website address starting with https://"));
        RuleFor(x => x.DemoUrl).Must(ProfileRules.BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.DemoUrl))
            .WithMessage(_ => Bi.T("กรอกลิงก์เดโมที่ขึ้นต้นด้วย https://", "Enter a demo link starting with https://"));
        RuleFor(x => x.InnovationListExpires).NotNull().When(x => !string.IsNullOrWhiteSpace(x.InnovationListNumber))
            .WithMessage(_ => Bi.T("ระบุวันหมดอายุของการขึ้นบัญชีนวัตกรรมไทย", "Enter the expiry date of the Innovation List registration"));
        RuleFor(x => x.InnovationListNumber).MaximumLength(40);
        RuleFor(x => x.StorageLocation).MaximumLength(100);
        RuleForEach(x => x.Packages).Where(p => !p.IsBlank).ChildRules(package =>
        {
            package.RuleFor(p => p.NameTh).NotEmpty().WithMessage(_ => Bi.T("กรอกชื่อแพ็กเกจภาษาไทย", "Enter the package's name in Thai"));
            package.RuleFor(p => p.PriceBaht).Must(p => Money.ParseBaht(p) is > 0)
                .WithMessage(_ => Bi.T("กรอกราคาแพ็กเกจเป็นบาท มากกว่า 0", "Enter the package price in baht, more than 0"));
            package.RuleFor(p => p.DurationDays).NotNull().InclusiveBetween(1, 730)
                .WithMessage(_ => Bi.T("ระบุระยะเวลา 1–730 วัน", "Enter a duration of 1–730 days"));
            package.RuleFor(p => p.IncludesTh).NotEmpty().WithMessage(_ => Bi.T("ระบุสิ่งที่รวมอยู่ในแพ็กเกจ", "Say what the package includes"));
        });
    }

    public static async Task<IReadOnlySet<string>> ProvinceCodesAsync(MarketplaceDbContext db, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Provinces.Select(p => p.Code), ct)).ToHashSet();
}
