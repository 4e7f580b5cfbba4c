using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Messaging;

namespace Marketplace.Core.Behaviours;

/// <summary>
/// Scoped per request: a handler says which entity it changed and how, and the transaction behaviour
/// writes the AuditEvent in the same transaction. A command that records nothing still gets a row.
/// </summary>
public sealed class AuditTrail(MarketplaceDbContext db, ICurrentUser user, IClock clock)
{
    private readonly List<(string EntityType, Func<string> EntityId, TextArg? Template, string Summary)> _pending = [];
    private string? _pseudonym;

    /// <summary>Records this request's rows under a pseudonym instead of the user's name (closing an account).</summary>
    public void UsePseudonym(string pseudonym) => _pseudonym = pseudonym;

    /// <param name="entityId">Read after saving, so new entities report their generated key.</param>
    /// <param name="summary">Interface text ("Audit.Summary.*") and its arguments, rendered in the reader's language.</param>
    public void Record(string entityType, Func<object> entityId, TextArg summary) =>
        _pending.Add((entityType, Id(entityId), summary, ""));

    /// <summary>A summary kept as written, in one language; prefer the overload with interface text.</summary>
    public void Record(string entityType, Func<object> entityId, string summary) =>
        _pending.Add((entityType, Id(entityId), null, summary));

    private static Func<string> Id(Func<object> entityId) =>
        () => Convert.ToString(entityId(), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    internal bool HasRecords => _pending.Count > 0;

    /// <summary>
    /// A command run by a timer that found nothing to do says so, and no row is written: otherwise the audit trail
    /// fills with a row a minute that records nothing.
    /// </summary>
    public void NothingHappened() => NothingToRecord = true;

    internal bool NothingToRecord { get; private set; }

    internal void Flush(string action)
    {
        foreach (var (type, id, template, summary) in _pending)
            db.AuditEvents.Add(template is null
                ? new AuditEvent(clock.Now, user.UserId, _pseudonym ?? user.UserName, action, type, id(), summary)
                : new AuditEvent(clock.Now, user.UserId, _pseudonym ?? user.UserName, action, type, id(), template));
        _pending.Clear();
    }

    internal void AddUnattributed(string action) =>
        db.AuditEvents.Add(new AuditEvent(clock.Now, user.UserId, user.UserName, action, null, null, ""));

    internal AuditEvent Refusal(string action, string reason) =>
        new(clock.Now, user.UserId, user.UserName, action, null, null, reason, refused: true);
}
