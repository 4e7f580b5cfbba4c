using Marketplace.Core.Data;
using Marketplace.Core.Domain.Search;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Features.Search;

/// <summary>
/// Gives this instance's index the shipped dictionaries plus the moderators' lines from the database. It checks the
/// table every few seconds (cheap: a count and the latest change) so an edit made on another instance arrives within
/// that interval; an edit made here asks for a refresh at once.
/// </summary>
public sealed class SearchDictionarySync(SearchIndexHost host, IServiceScopeFactory scopes, ILogger<SearchDictionarySync> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private (int Count, long Latest) _applied = (-1, 0);

    public void RequestRefresh()
    {
        if (_wake.CurrentCount == 0)
            _wake.Release();
    }

    /// <summary>Loads the lines when the table changed since the last load; returns whether it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var count = await db.SearchDictionaryEntries.CountAsync(ct);
        var latest = count == 0 ? 0 : (await db.SearchDictionaryEntries.MaxAsync(e => e.UpdatedAt, ct)).UtcTicks;
        if ((count, latest) == _applied)
            return false;
        var rows = await db.SearchDictionaryEntries.AsNoTracking().ToListAsync(ct);
        host.Index.Dictionary = SearchDictionary.BuiltIn.With(rows.Select(r => r.ToSearchEntry()));
        _applied = (count, latest);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not load the search dictionary lines; searching keeps the previous ones");
            }

            try
            {
                await _wake.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
