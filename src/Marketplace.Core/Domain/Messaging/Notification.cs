namespace Marketplace.Core.Domain.Messaging;

/// <summary>
/// An in-app message to one person, stored as a template and its arguments (<see cref="Notice"/>): it is rendered in
/// the language the person reads the site in when they open their notifications.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string userId, Notice notice, string? link, DateTimeOffset now)
    {
        UserId = userId;
        TemplateKey = notice.Key;
        Arguments = notice.ArgumentsJson();
        Link = link;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string TemplateKey { get; private set; } = "";
    public string Arguments { get; private set; } = "{}";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public Notice Notice => Notice.FromStored(TemplateKey, Arguments);

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>
/// An e-mail written in the same transaction as the change it reports (the outbox pattern), so a crash
/// never loses one nor sends one for a change that rolled back. A background dispatcher delivers it.
/// It is stored as a template (<see cref="Notice"/>), rendered when it is sent: in the current preferred language of
/// the account it is for (<see cref="RecipientUserId"/>), else in <see cref="Language"/>, else in Thai and English.
/// </summary>
public sealed class OutboxEmail
{
    private OutboxEmail() { }

    /// <param name="siteAddress">The site's absolute base address when the e-mail was written; its links are made absolute with it.</param>
    /// <param name="footerKey">The resource key of the footer that says why the person receives the e-mail ({0}: the account page).</param>
    public OutboxEmail(string to, string? recipientUserId, string? language, Notice notice, string? link, string footerKey, string siteAddress, DateTimeOffset now)
    {
        To = to;
        RecipientUserId = recipientUserId;
        Language = language;
        TemplateKey = notice.Key;
        Arguments = notice.ArgumentsJson();
        Link = link;
        FooterKey = Notice.RequireKey(footerKey);
        SiteAddress = siteAddress;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string To { get; private set; } = "";

    /// <summary>The account the e-mail is for, whose language is read at sending time; null for an address without one.</summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>"th" or "en" when there is no account to ask; null for both languages.</summary>
    public string? Language { get; private set; }

    public string TemplateKey { get; private set; } = "";
    public string Arguments { get; private set; } = "{}";
    public string? Link { get; private set; }
    public string FooterKey { get; private set; } = "";
    public string SiteAddress { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Until when one dispatcher (of possibly several instances) holds this message; see OutboxDispatcher.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public Notice Notice => Notice.FromStored(TemplateKey, Arguments);

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    /// <summary>Counts the failed attempt and lets the claim go, so the next pass of any instance retries it.</summary>
    public void MarkFailed()
    {
        Attempts++;
        ClaimedUntil = null;
    }
}
