using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data;

/// <summary>
/// Read-mostly data loaded from the database once and kept in memory until a version moves (one of
/// <see cref="Features.Search.PublicChanges"/>' versions, raised when a change commits here or arrives from another
/// instance through the change log). The first use after a move reloads it, so nothing older than the version is served.
/// </summary>
public sealed class VersionedSnapshot<T>(IServiceScopeFactory scopes, Func<long> version, Func<MarketplaceDbContext, long, CancellationToken, Task<T>> load)
    where T : class
{
    private volatile Entry? _current;

    private sealed record Entry(long Version, T Value);

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var stamp = version();
        if (_current is { } current && current.Version == stamp)
            return current.Value;
        // Read after the version: a load that overlaps a change is stamped with the older version and reloaded next time.
        await using var scope = scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), stamp, ct);
        _current = new Entry(stamp, value);
        return value;
    }
}
