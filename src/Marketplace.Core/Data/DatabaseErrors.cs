using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>Reads what a failed save means, the same way on SQLite and PostgreSQL.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A unique index (or primary key) refused the row: someone else inserted the same thing between this request's
    /// check and its insert (a slug, a second proposal, an invitation, a webhook event).
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Whether a failed save lost a race with another request, and how: the row changed since it was read (a
    /// concurrency token; on SQLite also a write refused because another connection committed after this transaction
    /// read, SQLITE_BUSY_SNAPSHOT), or the same thing was inserted first (a unique index). Null for any other failure.
    /// </summary>
    public static Race? LostRace(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbUpdateConcurrencyException)
                return Race.Changed;
            if (cause is DbUpdateException update && update.IsUniqueViolation())
                return Race.Duplicate;
            if (cause is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 517 })
                return Race.Changed;
        }
        return null;
    }
}

public enum Race
{
    /// <summary>Someone else changed the record after this request read it.</summary>
    Changed,

    /// <summary>Someone else inserted the same thing (slug, proposal, invitation) first.</summary>
    Duplicate,
}
