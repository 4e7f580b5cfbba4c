using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Features.Search;

/// <summary>An admin rebuilds the index from the database; it runs in the background and reports progress.</summary>
public static class RebuildSearchIndex
{
    [RequiresRole(Roles.Admin)]
    public sealed record Command : ICommand<Unit>;

    [RequiresRole(Roles.Admin)]
    public sealed record Status : IRequest<RebuildProgress>;

    public sealed class Handler(SearchIndexHost host, AuditTrail audit, ILogger<RebuildSearchIndex.Command> logger)
        : IRequestHandler<Command, Unit>, IRequestHandler<Status, RebuildProgress>
    {
        public Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (host.Progress.Running)
                throw new DomainRuleException(Texts.Get("Features.Search.RebuildSearchIndex.ARebuildIsAlreadyRunning"));
            audit.Record("SearchIndex", () => "solutions", "Started a rebuild of the search index");
            // Not tied to the request: the rebuild outlives it, and the page polls its progress.
            _ = Task.Run(async () =>
            {
                try
                {
                    await host.RebuildAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Search index rebuild failed");
                }
            }, CancellationToken.None);
            return Task.FromResult(Unit.Value);
        }

        public Task<RebuildProgress> Handle(Status request, CancellationToken cancellationToken) => Task.FromResult(host.Progress);
    }
}
