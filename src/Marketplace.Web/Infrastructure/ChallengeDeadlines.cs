using Marketplace.Core.Features.Challenges;
using MediatR;

namespace Marketplace.Web.Infrastructure;

/// <summary>Once a minute, closes the challenges whose proposal deadline has passed (pages also close them on read).</summary>
public sealed class ChallengeDeadlines(IServiceScopeFactory scopes, ILogger<ChallengeDeadlines> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CloseDueChallenges.Command(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Closing challenges at their deadline failed; retrying in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
