using Marketplace.Core.Domain.Messaging;

namespace Marketplace.Core.Domain;

/// <summary>
/// One row per state change or refused attempt: who, when, what, which entity, a summary. The summary is stored as
/// interface text with its arguments (<see cref="SummaryTemplate"/>), rendered in the language of the page that shows
/// it; <see cref="Summary"/> holds text kept as written (a refusal's message as the person read it).
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(DateTimeOffset at, string? userId, string? userName, string action, string? entityType, string? entityId, TextArg summary)
        : this(at, userId, userName, action, entityType, entityId, "") => SummaryTemplate = summary.ToJson();

    public AuditEvent(DateTimeOffset at, string? userId, string? userName, string action, string? entityType, string? entityId, string summary, bool refused = false)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Summary = summary.Length > 1000 ? summary[..1000] : summary;
        Refused = refused;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string Action { get; private set; } = "";
    public string? EntityType { get; private set; }
    public string? EntityId { get; private set; }
    public string Summary { get; private set; } = "";

    /// <summary>The summary as a <see cref="TextArg"/> in JSON: a resource key of "Audit.Summary.*" and its arguments.</summary>
    public string? SummaryTemplate { get; private set; }

    /// <summary>True when the attempt was forbidden: such rows are how moderators spot probing.</summary>
    public bool Refused { get; private set; }

    /// <summary>When the actor closes their account the row stays, naming a pseudonym instead of the person.</summary>
    public void Pseudonymise(string userId, string email, string pseudonym)
    {
        if (UserId == userId || string.Equals(UserName, email, StringComparison.OrdinalIgnoreCase))
            UserName = pseudonym;
        Summary = Summary.Replace(email, pseudonym, StringComparison.OrdinalIgnoreCase);
        SummaryTemplate = SummaryTemplate?.Replace(email, pseudonym, StringComparison.OrdinalIgnoreCase);
    }
}
