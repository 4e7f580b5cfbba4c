using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// An edit form carries the <see cref="ConcurrencyTokens.Version"/> it was rendered with, and the save checks that one
/// rather than the version the request happened to load: two people who opened the same form both save, and the
/// second — whose page showed an older version — gets "someone else changed this" instead of silently overwriting.
/// </summary>
public static class SeenVersions
{
    public static long VersionOf(this MarketplaceDbContext db, object aggregate) =>
        (long)db.Entry(aggregate).Property(ConcurrencyTokens.Version).CurrentValue!;

    /// <summary>The save will succeed only if the row is still at <paramref name="seen"/> (null: a form without one, the loaded version).</summary>
    public static void ExpectVersion(this MarketplaceDbContext db, object aggregate, long? seen)
    {
        if (seen is { } version)
            db.Entry(aggregate).Property(ConcurrencyTokens.Version).OriginalValue = version;
    }
}
