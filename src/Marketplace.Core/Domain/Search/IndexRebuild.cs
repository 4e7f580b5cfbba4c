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

    private IndexRebuildStatus() { }

    public IndexRebuildStatus(string instance) => Instance = instance;

    public string Instance { get; private set; } = "";
    public long RequestId { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Error { get; private set; }

    public bool Running => FinishedAt is null;

    public void Start(long requestId, DateTimeOffset now)
    {
        (RequestId, Done, Total, StartedAt, FinishedAt, Error) = (requestId, 0, 0, now, null, null);
    }

    public void Report(int done, int total) => (Done, Total) = (done, total);

    public void Finish(DateTimeOffset now, string? error)
    {
        FinishedAt = now;
        Error = error;
    }
}
