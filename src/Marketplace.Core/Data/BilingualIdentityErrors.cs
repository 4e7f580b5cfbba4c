using Marketplace.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Data;

/// <summary>Identity's messages in the person's language, saying what to do.</summary>
public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new()
    { Code = nameof(DuplicateEmail), Description = Bi.T($"มีบัญชีที่ใช้อีเมล {email} อยู่แล้ว ให้เข้าสู่ระบบแทน", $"An account with {email} already exists: sign in instead") };

    public override IdentityError DuplicateUserName(string userName) => new()
    { Code = nameof(DuplicateUserName), Description = Bi.T($"มีบัญชีที่ใช้อีเมล {userName} อยู่แล้ว ให้เข้าสู่ระบบแทน", $"An account with {userName} already exists: sign in instead") };

    public override IdentityError InvalidEmail(string? email) => new()
    { Code = nameof(InvalidEmail), Description = Bi.T("กรอกอีเมลในรูปแบบ name@example.com", "Enter an e-mail address like name@example.com") };

    public override IdentityError PasswordTooShort(int length) => new()
    { Code = nameof(PasswordTooShort), Description = Bi.T($"รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร", $"The password must be at least {length} characters long") };

    public override IdentityError PasswordRequiresDigit() => new()
    { Code = nameof(PasswordRequiresDigit), Description = Bi.T("รหัสผ่านต้องมีตัวเลขอย่างน้อยหนึ่งตัว", "The password must contain at least one digit") };

    public override IdentityError PasswordRequiresLower() => new()
    { Code = nameof(PasswordRequiresLower), Description = Bi.T("รหัสผ่านต้องมีอักษรภาษาอังกฤษตัวพิมพ์เล็ก", "The password must contain a lower-case letter") };

    public override IdentityError PasswordRequiresUpper() => new()
    { Code = nameof(PasswordRequiresUpper), Description = Bi.T("รหัสผ่านต้องมีอักษรภาษาอังกฤษตัวพิมพ์ใหญ่", "The password must contain an upper-case letter") };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new()
    { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Bi.T("รหัสผ่านต้องมีสัญลักษณ์ เช่น ! # @", "The password must contain a symbol such as ! # @") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    { Code = nameof(PasswordRequiresUniqueChars), Description = Bi.T($"รหัสผ่านต้องมีตัวอักษรไม่ซ้ำกันอย่างน้อย {uniqueChars} ตัว", $"The password must use at least {uniqueChars} different characters") };
}
