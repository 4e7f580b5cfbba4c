using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Messaging;

/// <summary>A message in both languages; each recipient gets the one they chose.</summary>
public sealed record BilingualMessage(string SubjectTh, string SubjectEn, string BodyTh, string BodyEn);

/// <summary>
/// Tells every member of an organisation about something, in their own language: an in-app notification
/// and an e-mail in the outbox. Only adds rows: the caller's transaction saves them with the change.
/// </summary>
public sealed class Notifier(MarketplaceDbContext db, IClock clock)
{
    /// <summary>Unconfirmed addresses hear nothing: the organisation's news is not theirs until they prove they own the address.</summary>
    public Task NotifyOrganisationAsync(int organisationId, BilingualMessage message, string? link, CancellationToken ct) =>
        NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == organisationId && u.EmailConfirmed), message, link, ct);

    /// <summary>Tells the chosen people (an applicant, an organisation's admins), each in their own language.</summary>
    public async Task NotifyUsersAsync(IQueryable<Domain.AppUser> people, BilingualMessage message, string? link, CancellationToken ct)
    {
        var members = await people.Select(u => new { u.Id, u.Email, u.Language }).ToListAsync(ct);
        foreach (var member in members)
        {
            var thai = member.Language != "en";
            var subject = thai ? message.SubjectTh : message.SubjectEn;
            var body = thai ? message.BodyTh : message.BodyEn;
            db.Add(new Notification(member.Id, subject, link, clock.Now));
            if (member.Email is not null)
                db.Add(new OutboxEmail(member.Email, subject, link is null ? body : $"{body}\n\n{link}", clock.Now));
        }
    }

    /// <summary>Tells one person, in their language.</summary>
    public async Task NotifyUserAsync(string userId, BilingualMessage message, string? link, CancellationToken ct)
    {
        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.Language }).SingleAsync(ct);
        var thai = person.Language != "en";
        var subject = thai ? message.SubjectTh : message.SubjectEn;
        db.Add(new Notification(userId, subject, link, clock.Now));
        if (person.Email is not null)
            db.Add(new OutboxEmail(person.Email, subject, $"{(thai ? message.BodyTh : message.BodyEn)}\n\n{link}", clock.Now));
    }
}
