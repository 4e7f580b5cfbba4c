using NJsonSchema;

namespace Marketplace.Web.Tests.Ocds;

/// <summary>
/// The OCDS 1.1.5 release-package schema with its release schema resolved from the copies in this folder: the package
/// schema refers to the release schema by its published URL, and tests must not depend on the network.
/// </summary>
public static class OcdsSchema
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private static readonly Lazy<Task<JsonSchema>> Package = new(LoadAsync);

    public static Task<JsonSchema> ReleasePackageAsync() => Package.Value;

    private static async Task<JsonSchema> LoadAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Ocds");
        var release = await JsonSchema.FromFileAsync(Path.Combine(folder, "release-schema.json"));
        var packagePath = Path.Combine(folder, "release-package-schema.json");
        return await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(packagePath), packagePath, schema =>
        {
            var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
            resolver.AddDocumentReference(ReleaseSchemaUrl, release);
            return resolver;
        });
    }
}
