using FluentValidation;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

/// <summary>The fields of an organisation's profile, as a form fills them.</summary>
public interface IProfileFields
{
    string? NameTh { get; }
    string? NameEn { get; }
    string? ProvinceCode { get; }
    string? Website { get; }
    string? ContactEmail { get; }
    string? ContactPhone { get; }
}

/// <summary>Rules shared by registration and profile editing, with messages that say what to do.</summary>
public static class ProfileRules
{
    public static void AddProfileRules<T>(this AbstractValidator<T> v, MarketplaceDbContext db) where T : IProfileFields
    {
        v.RuleFor(x => x.NameTh).NotEmpty().WithMessage(_ => Bi.T("กรอกชื่อองค์กรภาษาไทย", "Enter the organisation's name in Thai"))
            .MaximumLength(200).WithMessage(_ => Bi.T("ชื่อยาวเกิน 200 ตัวอักษร", "The name must be 200 characters or fewer"));
        v.RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => Bi.T("กรอกชื่อองค์กรภาษาอังกฤษ", "Enter the organisation's name in English"))
            .MaximumLength(200).WithMessage(_ => Bi.T("ชื่อยาวเกิน 200 ตัวอักษร", "The name must be 200 characters or fewer"));
        v.RuleFor(x => x.ProvinceCode)
            .MustAsync(async (code, ct) => code is not null && await db.Provinces.AnyAsync(p => p.Code == code, ct))
            .WithMessage(_ => Bi.T("เลือกจังหวัดที่ตั้งขององค์กร", "Choose the province where the organisation is based"));
        v.RuleFor(x => x.Website).Must(BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMessage(_ => Bi.T("กรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย https:// เช่น https://example.co.th",
                "Enter a website address starting with https://, for example https://example.co.th"));
        v.RuleFor(x => x.ContactEmail).NotEmpty().WithMessage(_ => Bi.T("กรอกอีเมลสำหรับติดต่อ", "Enter a contact e-mail address"))
            .EmailAddress().WithMessage(_ => Bi.T("กรอกอีเมลในรูปแบบ name@example.com", "Enter an e-mail address like name@example.com"));
        v.RuleFor(x => x.ContactPhone).Matches(@"^\+?[0-9][0-9 \-]{7,18}$").When(x => !string.IsNullOrWhiteSpace(x.ContactPhone))
            .WithMessage(_ => Bi.T("กรอกเบอร์โทรศัพท์เป็นตัวเลข เช่น 02-123-4567", "Enter a phone number in digits, for example 02-123-4567"));
    }

    public static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.');
}
