namespace Marketplace.Core.Domain.Messaging;

/// <summary>An in-app message to one person, already in that person's language.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string userId, string text, string? link, DateTimeOffset now)
    {
        UserId = userId;
        Text = text;
        Link = link;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>
/// An e-mail written in the same transaction as the change it reports (the outbox pattern), so a crash
/// never loses one nor sends one for a change that rolled back. A background dispatcher delivers it.
/// </summary>
public sealed class OutboxEmail
{
    private OutboxEmail() { }

    public OutboxEmail(string to, string subject, string body, DateTimeOffset now)
    {
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Until when one dispatcher (of possibly several instances) holds this message; see OutboxDispatcher.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    /// <summary>Counts the failed attempt and lets the claim go, so the next pass of any instance retries it.</summary>
    public void MarkFailed()
    {
        Attempts++;
        ClaimedUntil = null;
    }
}
