using System.Runtime.CompilerServices;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency.Ocds;

/// <summary>
/// Where one release stands in the package: the entity it describes (<see cref="Id"/>), its date, and
/// <see cref="Order"/>, the id as decimal text. Releases of one kind differ only by that number inside their id
/// ("ocds-gtmkt-12-tender"), so ordering by the text orders them as the ordinal comparison of their ids does
/// (12 before 9), which ordering by the number would not.
/// </summary>
public sealed class ReleaseKey
{
    public int Id { get; init; }
    public DateTimeOffset Date { get; init; }
    public string Order { get; init; } = "";
}

/// <summary>
/// One kind of release (tenders, awards, cancellations, paid orders): which entities have one and when
/// (<see cref="Keys"/>, a database query), and how a batch of them becomes releases.
/// </summary>
public sealed record OcdsReleaseKind(IQueryable<ReleaseKey> Keys,
    Func<IReadOnlyList<ReleaseKey>, CancellationToken, Task<IReadOnlyList<OcdsRelease>>> ReleasesAsync);

/// <summary>
/// The package's releases as they are read: each kind from the database in (date, id) order a batch at a time
/// (keyset paging, so every query finishes before the next and one connection serves them all), the kinds merged by
/// date then ordinal id. At most one batch per kind is held, however long the register.
/// </summary>
public static class OcdsReleaseStream
{
    /// <summary>The latest release date over all kinds, from one MAX per kind; null for an empty register.</summary>
    public static async Task<DateTimeOffset?> LatestAsync(IEnumerable<OcdsReleaseKind> kinds, CancellationToken ct)
    {
        DateTimeOffset? latest = null;
        foreach (var kind in kinds)
        {
            if (await kind.Keys.MaxAsync(k => (DateTimeOffset?)k.Date, ct) is { } date && (latest is null || date > latest))
                latest = date;
        }
        return latest;
    }

    /// <summary>
    /// Every release dated at or before <paramref name="until"/>, in the package's order. Releases made while the
    /// package is being written are later than its published date and belong to the next package.
    /// </summary>
    public static async IAsyncEnumerable<OcdsRelease> MergeAsync(IReadOnlyList<OcdsReleaseKind> kinds, DateTimeOffset until, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var sources = new List<IAsyncEnumerator<OcdsRelease>>();
        try
        {
            foreach (var kind in kinds)
            {
                sources.Add(InOrderAsync(kind, until, batchSize, ct).GetAsyncEnumerator(ct));
                await AdvanceAsync(sources[^1]);
            }
            while (sources.Count > 0)
            {
                var next = sources[0];
                foreach (var source in sources.Skip(1))
                    if (Compare(source.Current, next.Current) < 0)
                        next = source;
                // Most releases come from a batch already read: stop at once when the reader has gone.
                ct.ThrowIfCancellationRequested();
                yield return next.Current;
                await AdvanceAsync(next);
            }
        }
        finally
        {
            foreach (var source in sources)
                await source.DisposeAsync();
        }

        async Task AdvanceAsync(IAsyncEnumerator<OcdsRelease> source)
        {
            if (await source.MoveNextAsync())
                return;
            sources.Remove(source);
            await source.DisposeAsync();
        }
    }

    /// <summary>The package's order: by date, then by release id, ordinal.</summary>
    public static int Compare(OcdsRelease a, OcdsRelease b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }

    private static async IAsyncEnumerable<OcdsRelease> InOrderAsync(OcdsReleaseKind kind, DateTimeOffset until, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ReleaseKey? after = null;
        while (true)
        {
            var keys = kind.Keys.Where(k => k.Date <= until);
            if (after is not null)
            {
                var (date, order) = (after.Date, after.Order);
                // "Date >= date" is implied by the rest; said alone, it lets the date index start at the last batch's end.
                keys = keys.Where(k => k.Date >= date && (k.Date > date || k.Date == date && string.Compare(k.Order, order) > 0));
            }
            var batch = await keys.OrderBy(k => k.Date).ThenBy(k => k.Order).Take(batchSize).ToListAsync(ct);
            foreach (var release in await kind.ReleasesAsync(batch, ct))
                yield return release;
            if (batch.Count < batchSize)
                yield break;
            after = batch[^1];
        }
    }

    /// <summary>Each party carries its legal identifier (juristic number when it has one) and its public page.</summary>
    public static async Task<IReadOnlyList<OcdsRelease>> WithLegalIdentifiersAsync(MarketplaceDbContext db, IReadOnlyList<OcdsRelease> releases,
        IEnumerable<int> organisationIds, string site, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Slug, o.Kind, o.NameTh, o.JuristicNumber })
            .ToDictionaryAsync(o => OcdsIdentifiers.Party(o.Slug), ct);
        OcdsParty Identified(OcdsParty party) => organisations.TryGetValue(party.Id, out var o)
            ? party with
            {
                Identifier = OcdsIdentifiers.LegalIdentifier(o.JuristicNumber, o.NameTh,
                    $"{site}/{(o.Kind == Domain.OrganisationKind.Agency ? "agencies" : "vendors")}/{o.Slug}"),
            }
            : party;
        return releases.Select(r => r with { Parties = r.Parties.Select(Identified).ToList() }).ToList();
    }
}
