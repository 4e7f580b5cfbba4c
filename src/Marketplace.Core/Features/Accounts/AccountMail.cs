using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Features.Accounts;

/// <summary>Absolute links for e-mails. The web app builds them from configuration or a host that host filtering allowed.</summary>
public interface ISiteLinks
{
    string Absolute(string pathAndQuery);
}

/// <summary>A fixed base address: the default outside a web request (tests, tools), and the address an outbox e-mail was written for.</summary>
public sealed class FixedSiteLinks(string baseUrl) : ISiteLinks
{
    public string Absolute(string pathAndQuery) => baseUrl.TrimEnd('/') + pathAndQuery;
}

/// <summary>
/// The e-mails about a person's own account (confirm, reset, change address, security changes) and invitations,
/// written to the outbox in the caller's transaction and rendered when sent, in the person's language then, with a
/// footer that says why they receive it. Tokens are ASP.NET Core Identity's own.
/// </summary>
public sealed class AccountMail(MarketplaceDbContext db, UserManager<AppUser> users, IClock clock, ISiteLinks links)
{
    public const string AccountFooter = "Mail.Footer.AccountSecurity";
    public const string AddressFooter = "Mail.Footer.AddressEntered";

    public async Task SendConfirmationAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}";
        Write(user, user.Email!, Notice.Of("Mail.ConfirmEmail", [], TextArg.Plain(user.DisplayName), TextArg.Link(link)), AddressFooter);
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(token)}";
        Write(user, user.Email!, Notice.Of("Mail.PasswordReset", [], TextArg.Link(link)), AccountFooter);
    }

    /// <summary>Sent instead of a reset link when no account uses the address, so the answer on screen cannot tell the two apart.</summary>
    public void SendNoAccount(string email, string language) =>
        db.OutboxEmails.Add(new OutboxEmail(email, null, language, Notice.Of("Mail.NoAccount", [], TextArg.Link("/account/register")),
            null, AddressFooter, links.Absolute(""), clock.Now));

    /// <summary>Sent when someone registers with an address that already has an account: the page answers as for a new one.</summary>
    public void SendAlreadyRegistered(AppUser user) => Write(user, user.Email!,
        Notice.Of("Mail.AlreadyRegistered", [], TextArg.Link("/account/login"), TextArg.Link("/account/forgot-password")), AccountFooter);

    public async Task SendEmailChangeAsync(AppUser user, string newEmail)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = $"/account/confirm-email-change?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={Uri.EscapeDataString(token)}";
        Write(user, newEmail, Notice.Of("Mail.ConfirmNewEmail", [], TextArg.Link(link)), AddressFooter);
    }

    /// <param name="what">What changed, as interface text (a key of "Mail.SecurityNotice.*").</param>
    public void SendSecurityNotice(AppUser user, string to, TextArg what) =>
        Write(user, to, Notice.Of("Mail.SecurityNotice", [], what, TextArg.Link("/account/forgot-password")), AccountFooter);

    /// <summary>
    /// An invitation to join an organisation. The invitee may have no account yet, so we do not know their language:
    /// the e-mail carries both.
    /// </summary>
    public void SendInvitation(string email, Organisation organisation, string token) =>
        db.OutboxEmails.Add(new OutboxEmail(email, null, null,
            Notice.Of("Mail.MemberInvitation", [TextArg.Bilingual(organisation.NameTh, organisation.NameEn)], TextArg.Bilingual(organisation.NameTh, organisation.NameEn)),
            $"/organisations/accept-invitation?token={token}", "Mail.Footer.Invitation", links.Absolute(""), clock.Now));

    /// <summary>Rendered when sent, in the language the account prefers then.</summary>
    private void Write(AppUser user, string to, Notice notice, string footerKey) =>
        db.OutboxEmails.Add(new OutboxEmail(to, user.Id, user.Language, notice, null, footerKey, links.Absolute(""), clock.Now));
}
