using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data;

/// <summary>
/// Stores a value object as a JSON text column. Used for whole snapshots (a listing's content) that are
/// read and written as one piece and never filtered in SQL, so the schema stays the same on SQLite and PostgreSQL.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Marks JSON columns, so PostgreSQL stores them as <c>jsonb</c> (see <see cref="PostgresModel"/>).</summary>
    public const string Annotation = "Marketplace:Json";

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v))));
        property.HasAnnotation(Annotation, true);
        return property;
    }
}
