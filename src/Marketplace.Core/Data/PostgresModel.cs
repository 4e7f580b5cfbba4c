using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// What the same model looks like on PostgreSQL where a better type exists: JSON snapshots as <c>jsonb</c>.
/// The rest maps naturally: times as bigint UTC ticks (as on SQLite, so ordering works the same), satang as
/// bigint, files as bytea, keys as identity columns, enums as short text.
/// </summary>
internal static class PostgresModel
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            if (property.FindAnnotation(JsonColumn.Annotation) is not null)
                property.SetColumnType("jsonb");
    }
}
