using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// Polls the change log a few times a second and applies what is new, so an approved listing is
/// searchable well within two seconds. Polling the shared database (rather than an in-process event)
/// is what lets several web instances, each with its own index, stay in step. Once a minute it also
/// compares the index with the database (and retries a failed repair), so an index that lost listings
/// does not stay incomplete without anyone noticing, and prunes the change log (<see cref="ChangeLogRetention"/>).
/// </summary>
public sealed class IndexUpdater(SearchIndexHost host, ChangeLogRetention retention, ILogger<IndexUpdater> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan VerifyEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var nextVerify = DateTime.UtcNow + VerifyEvery;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await host.CatchUpAsync(stoppingToken);
                if (DateTime.UtcNow >= nextVerify)
                {
                    nextVerify = DateTime.UtcNow + VerifyEvery;
                    await host.VerifyAsync(stoppingToken);
                    await retention.PruneAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Applying the change log to the search index failed; retrying");
            }
        }
    }
}
