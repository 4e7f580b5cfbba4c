using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// Keeps the change log from growing for ever: entries older than <see cref="Period"/> (Marketplace:ChangeLog:RetentionDays,
/// 7 by default) are deleted. The newest entry always stays, so an instance can still tell how far the log reaches.
/// An instance that was away longer than the period finds its next entries gone and rebuilds from the database
/// (<see cref="SearchIndexHost.CatchUpAsync"/>). Every instance prunes; deleting is idempotent.
/// </summary>
public sealed class ChangeLogRetention(IServiceScopeFactory scopes, IClock clock)
{
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Deletes the expired entries; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var cutoff = clock.Now - Period;
        var newest = await db.ChangeLog.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        return await db.ChangeLog.Where(c => c.At < cutoff && c.Sequence < newest).ExecuteDeleteAsync(ct);
    }
}
