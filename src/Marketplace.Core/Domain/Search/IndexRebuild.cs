namespace Marketplace.Core.Domain.Search;

/// <summary>
/// An admin asked for the search index to be rebuilt. Every web instance keeps its own index, so the request is a row
/// in the shared database that each instance acts on once (see IndexRebuildRequests), reporting in its own
/// <see cref="IndexRebuildStatus"/>.
/// </summary>
public sealed class IndexRebuildRequest
{
    private IndexRebuildRequest() { }

    public IndexRebuildRequest(string? requestedById, string requestedBy, DateTimeOffset at)
    {
        RequestedById = requestedById;
        RequestedBy = requestedBy;
        At = at;
    }

    public long Id { get; private set; }
    public string? RequestedById { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

/// <summary>One web instance's progress on the latest rebuild request it acted on; written only by that instance.</summary>
public sealed class IndexRebuildStatus
{
    public const int MaxInstanceLength = 100;

    /// <summary>
    /// A rebuilding instance reports twice a second; one that has been silent this long has died or hung, and its
    /// unfinished row must not keep the admin page saying "rebuilding" (and its button disabled) for ever.
    /// </summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(1);

    private IndexRebuildStatus() { }

    public IndexRebuildStatus(string instance) => Instance = instance;

    public string Instance { get; private set; } = "";
    public long RequestId { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Error { get; private set; }

    /// <summary>When the instance last wrote this row.</summary>
    public DateTimeOffset HeardAt { get; private set; }

    /// <summary>The instance stopped (was restarted) before it finished; its start-up check covered the index instead.</summary>
    public bool Interrupted { get; private set; }

    public bool Unfinished => FinishedAt is null;

    public bool RunningAt(DateTimeOffset now) => Unfinished && now - HeardAt <= SilentAfter;

    /// <summary>Unfinished and silent: the instance has stopped reporting (it died, hung or lost the database).</summary>
    public bool SilentAt(DateTimeOffset now) => Unfinished && !RunningAt(now);

    public void Start(long requestId, DateTimeOffset now)
    {
        (RequestId, Done, Total, StartedAt, FinishedAt, Error, Interrupted, HeardAt) = (requestId, 0, 0, now, null, null, false, now);
    }

    public void Report(int done, int total, DateTimeOffset now) => (Done, Total, HeardAt) = (done, total, now);

    public void Finish(DateTimeOffset now, string? error)
    {
        FinishedAt = HeardAt = now;
        Error = error;
    }

    /// <summary>Called by the instance itself when it starts again and finds its own row unfinished.</summary>
    public void Interrupt(DateTimeOffset now)
    {
        if (!Unfinished)
            return;
        FinishedAt = HeardAt = now;
        Interrupted = true;
    }
}
