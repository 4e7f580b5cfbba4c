using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Behaviours;

/// <summary>Outermost: times every request, including the ones refused by later behaviours, and flags slow ones.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TimeSpan SlowRequest = TimeSpan.FromMilliseconds(500);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = RequestName.Of(typeof(TRequest));
        var watch = Stopwatch.StartNew();
        try
        {
            return await next();
        }
        finally
        {
            if (watch.Elapsed > SlowRequest)
                logger.LogWarning("Slow request {Request} took {Elapsed} ms", name, watch.ElapsedMilliseconds);
            else
                logger.LogDebug("{Request} took {Elapsed} ms", name, watch.ElapsedMilliseconds);
        }
    }
}
