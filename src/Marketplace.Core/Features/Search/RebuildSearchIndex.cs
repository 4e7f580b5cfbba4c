using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// An admin rebuilds the index from the database on every web instance: the request is a row each instance acts on
/// (<see cref="IndexRebuildRequests"/>), and the status lists every instance's progress.
/// </summary>
public static class RebuildSearchIndex
{
    [RequiresRole(Roles.Admin)]
    public sealed record Command : ICommand<long>;

    [RequiresRole(Roles.Admin)]
    public sealed record Status : IRequest<Overview>;

    /// <summary>
    /// The latest request (null before any), each instance's progress on the request it last acted on, and whether
    /// this instance still has a request to carry out (the same condition that refuses a new request).
    /// </summary>
    public sealed record Overview(IndexRebuildRequest? Latest, IReadOnlyList<IndexRebuildStatus> Instances, string ThisInstance,
        DateTimeOffset Now, bool ThisInstanceBusy)
    {
        /// <summary>This instance is busy, or another one is rebuilding and still reporting (a silent one has stopped).</summary>
        public bool InProgress => ThisInstanceBusy || Instances.Any(i => i.RunningAt(Now));
    }

    public sealed class Handler(MarketplaceDbContext db, SearchIndexHost host, IndexRebuildRequests requests, SearchInstance instance,
        ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Command, long>, IRequestHandler<Status, Overview>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            // A request this instance has not finished yet already covers every instance (each acts on the newest).
            var latest = await db.IndexRebuildRequests.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
            if (Busy(latest))
                throw new DomainRuleException(Texts.Get("Features.Search.RebuildSearchIndex.ARebuildIsAlreadyRunning"));
            var row = new IndexRebuildRequest(user.UserId, user.UserName ?? "", clock.Now);
            db.IndexRebuildRequests.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("SearchIndex", () => row.Id, TextArg.Of("Audit.Summary.SearchRebuildRequested"));
            return row.Id;
        }

        public async Task<Overview> Handle(Status request, CancellationToken cancellationToken)
        {
            var latest = await db.IndexRebuildRequests.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            var instances = await db.IndexRebuildStatuses.AsNoTracking().OrderBy(s => s.Instance).ToListAsync(cancellationToken);
            return new Overview(latest, instances, instance.Name, clock.Now, Busy(latest?.Id ?? 0));
        }

        private bool Busy(long latestRequest) => host.Progress.Running || latestRequest > requests.ActedOn;
    }
}
