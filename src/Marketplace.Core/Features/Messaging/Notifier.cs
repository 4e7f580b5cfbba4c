using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Messaging;

/// <summary>A message in both languages; each recipient gets the one they chose.</summary>
public sealed record BilingualMessage(string SubjectTh, string SubjectEn, string BodyTh, string BodyEn);

/// <summary>
/// Tells every member of an organisation about something, in their own language: an in-app notification
/// and an e-mail in the outbox. Only adds rows: the caller's transaction saves them with the change.
/// </summary>
public sealed class Notifier(MarketplaceDbContext db, IClock clock, ISiteLinks links)
{
    /// <summary>Unconfirmed addresses hear nothing: the organisation's news is not theirs until they prove they own the address.</summary>
    public Task NotifyOrganisationAsync(int organisationId, BilingualMessage message, string? link, CancellationToken ct) =>
        NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == organisationId && u.EmailConfirmed), message, link, ct);

    /// <summary>Tells the chosen people (an applicant, an organisation's admins), each in their own language.</summary>
    public async Task NotifyUsersAsync(IQueryable<Domain.AppUser> people, BilingualMessage message, string? link, CancellationToken ct)
    {
        var members = await people.Select(u => new { u.Id, u.Email, u.Language }).ToListAsync(ct);
        foreach (var member in members)
            Tell(member.Id, member.Email, member.Language, message, link);
    }

    /// <summary>Tells one person, in their language.</summary>
    public async Task NotifyUserAsync(string userId, BilingualMessage message, string? link, CancellationToken ct)
    {
        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.Language }).SingleAsync(ct);
        Tell(userId, person.Email, person.Language, message, link);
    }

    /// <summary>E-mails someone who has no account here (a challenge's named contact), in Thai with English below.</summary>
    public void EmailAddress(string email, BilingualMessage message, string? link)
    {
        var footer = Texts.In(Dates.Thai, "Mail.Footer.NamedContact") + "\n" + Texts.In(Dates.English, "Mail.Footer.NamedContact");
        db.Add(new OutboxEmail(email, $"{message.SubjectTh} / {message.SubjectEn}",
            $"{message.BodyTh}\n\n{message.BodyEn}{Link(link)}\n\n-- \n{footer}", clock.Now));
    }

    private void Tell(string userId, string? email, string language, BilingualMessage message, string? link)
    {
        var thai = language != "en";
        var culture = thai ? Dates.Thai : Dates.English;
        var subject = thai ? message.SubjectTh : message.SubjectEn;
        db.Add(new Notification(userId, subject, link, clock.Now));
        if (email is not null)
            db.Add(new OutboxEmail(email, subject,
                $"{(thai ? message.BodyTh : message.BodyEn)}{Link(link)}\n\n-- \n{Texts.In(culture, "Mail.Footer.Account", links.Absolute("/account"))}", clock.Now));
    }

    /// <summary>An e-mailed link is absolute (Marketplace:PublicBaseUrl), so a mail program can open it.</summary>
    private string Link(string? link) => link is null ? "" : "\n\n" + links.Absolute(link);
}
