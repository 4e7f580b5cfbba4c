using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>Absolute links for e-mails. The web app builds them from configuration or a host that host filtering allowed.</summary>
public interface ISiteLinks
{
    string Absolute(string pathAndQuery);
}

/// <summary>A fixed base address: the default outside a web request (tests, tools).</summary>
public sealed class FixedSiteLinks(string baseUrl) : ISiteLinks
{
    public string Absolute(string pathAndQuery) => baseUrl.TrimEnd('/') + pathAndQuery;
}

/// <summary>
/// The e-mails about a person's own account (confirm, reset, change address), in the person's language,
/// written to the outbox in the caller's transaction. Tokens are ASP.NET Core Identity's own.
/// </summary>
public sealed class AccountMail(MarketplaceDbContext db, UserManager<AppUser> users, IClock clock, ISiteLinks links)
{
    public async Task SendConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}");
        Write(user.Language, user.Email!, new BilingualMessage(
            "ยืนยันอีเมลของคุณ · ตลาดนวัตกรรมภาครัฐ", "Confirm your e-mail address · GovTech Marketplace",
            $"สวัสดีคุณ {user.DisplayName}\n\nเปิดลิงก์นี้เพื่อยืนยันว่าอีเมลนี้เป็นของคุณ (ใช้ได้ 1 วัน):\n{link}\n\nหากคุณไม่ได้ลงทะเบียน ไม่ต้องทำอะไร",
            $"Hello {user.DisplayName},\n\nOpen this link to confirm that this address is yours (valid for one day):\n{link}\n\nIf you did not register, do nothing."));
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(token)}");
        Write(user.Language, user.Email!, new BilingualMessage(
            "ตั้งรหัสผ่านใหม่ · ตลาดนวัตกรรมภาครัฐ", "Reset your password · GovTech Marketplace",
            $"มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชีนี้ เปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ (ใช้ได้ 1 วัน และปลดล็อกบัญชีด้วย):\n{link}\n\nหากคุณไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้",
            $"Someone asked to reset the password of this account. Open this link to choose a new one (valid for one day; it also unlocks the account):\n{link}\n\nIf it was not you, do nothing: your password stays as it is."));
    }

    /// <summary>Sent instead of a reset link when no account uses the address, so the answer on screen cannot tell the two apart.</summary>
    public void SendNoAccount(string email, string language) => Write(language, email, new BilingualMessage(
        "คำขอตั้งรหัสผ่านใหม่ · ตลาดนวัตกรรมภาครัฐ", "Password reset request · GovTech Marketplace",
        $"มีผู้ขอตั้งรหัสผ่านใหม่ด้วยอีเมลนี้ แต่ไม่มีบัญชีที่ใช้อีเมลนี้ หากต้องการบัญชี ลงทะเบียนได้ที่ {links.Absolute("/account/register")}",
        $"Someone asked to reset a password for this address, but no account uses it. To create one, register at {links.Absolute("/account/register")}"));

    /// <summary>Sent when someone registers with an address that already has an account: the page answers as for a new one.</summary>
    public void SendAlreadyRegistered(AppUser user) => Write(user.Language, user.Email!, new BilingualMessage(
        "มีผู้ลงทะเบียนด้วยอีเมลของคุณ · ตลาดนวัตกรรมภาครัฐ", "Someone registered with your address · GovTech Marketplace",
        $"อีเมลนี้มีบัญชีอยู่แล้ว หากเป็นคุณ ให้เข้าสู่ระบบที่ {links.Absolute("/account/login")} หรือตั้งรหัสผ่านใหม่ที่ {links.Absolute("/account/forgot-password")}",
        $"This address already has an account. If it was you, sign in at {links.Absolute("/account/login")} or reset your password at {links.Absolute("/account/forgot-password")}"));

    public async Task SendEmailChangeAsync(AppUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = links.Absolute($"/account/confirm-email-change?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={Uri.EscapeDataString(token)}");
        Write(user.Language, newEmail, new BilingualMessage(
            "ยืนยันอีเมลใหม่ · ตลาดนวัตกรรมภาครัฐ", "Confirm your new e-mail address · GovTech Marketplace",
            $"เปิดลิงก์นี้เพื่อใช้อีเมลนี้กับบัญชีของคุณ (ใช้ได้ 1 วัน):\n{link}",
            $"Open this link to use this address for your account (valid for one day):\n{link}"));
    }

    public void SendSecurityNotice(AppUser user, string to, string whatTh, string whatEn) => Write(user.Language, to, new BilingualMessage(
        "การเปลี่ยนแปลงความปลอดภัยของบัญชี · ตลาดนวัตกรรมภาครัฐ", "A security change on your account · GovTech Marketplace",
        $"{whatTh}\n\nหากไม่ใช่คุณ ให้ตั้งรหัสผ่านใหม่ที่ {links.Absolute("/account/forgot-password")} และติดต่อ NIA",
        $"{whatEn}\n\nIf it was not you, reset your password at {links.Absolute("/account/forgot-password")} and contact NIA."));

    private void Write(string language, string to, BilingualMessage message)
    {
        var thai = language != "en";
        db.OutboxEmails.Add(new OutboxEmail(to, thai ? message.SubjectTh : message.SubjectEn, thai ? message.BodyTh : message.BodyEn, clock.Now));
    }
}
