using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Messaging;

/// <summary>
/// Tells people about something: an in-app notification and an e-mail in the outbox, both stored as a template
/// (<see cref="Notice"/>) that is rendered in each person's language when they read it or when it is sent.
/// Only adds rows: the caller's transaction saves them with the change.
/// </summary>
public sealed class Notifier(MarketplaceDbContext db, IClock clock, ISiteLinks links)
{
    /// <summary>Unconfirmed addresses hear nothing: the organisation's news is not theirs until they prove they own the address.</summary>
    public Task NotifyOrganisationAsync(int organisationId, Notice notice, string? link, CancellationToken ct) =>
        NotifyUsersAsync(db.Users.Where(u => u.OrganisationId == organisationId && u.EmailConfirmed), notice, link, ct);

    /// <summary>Tells the chosen people (an applicant, an organisation's admins).</summary>
    public async Task NotifyUsersAsync(IQueryable<Domain.AppUser> people, Notice notice, string? link, CancellationToken ct)
    {
        var members = await people.Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var member in members)
            Tell(member.Id, member.Email, notice, link);
    }

    /// <summary>Tells one person.</summary>
    public async Task NotifyUserAsync(string userId, Notice notice, string? link, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        Tell(userId, email, notice, link);
    }

    /// <summary>E-mails someone who has no account here (a challenge's named contact), in Thai with English below.</summary>
    public void EmailAddress(string email, Notice notice, string? link) =>
        db.Add(new OutboxEmail(email, null, null, notice, link, "Mail.Footer.NamedContact", links.Absolute(""), clock.Now));

    private void Tell(string userId, string? email, Notice notice, string? link)
    {
        db.Add(new Notification(userId, notice, link, clock.Now));
        if (email is not null)
            db.Add(new OutboxEmail(email, userId, null, notice, link, "Mail.Footer.Account", links.Absolute(""), clock.Now));
    }
}
