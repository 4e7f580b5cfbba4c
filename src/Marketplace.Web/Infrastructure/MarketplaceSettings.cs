namespace Marketplace.Web.Infrastructure;

/// <summary>The "Marketplace" configuration section; every setting is documented in the README.</summary>
public sealed class MarketplaceSettings
{
    /// <summary>Folder for the SQLite database (and later the search index), relative to the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>Folder holding the seed JSON files, relative to the content root.</summary>
    public string SeedDataPath { get; set; } = "../../seed-data";

    /// <summary>Load the sample organisations, listings and demo accounts into an empty database.</summary>
    public bool SeedSampleData { get; set; }

    /// <summary>
    /// Folder of this instance's own search index, on local disk (each instance behind a proxy keeps its own; it is
    /// rebuilt from the database when missing). Default: search-index inside <see cref="DataPath"/>.
    /// </summary>
    public string? IndexPath { get; set; }

    public string IndexFolder(string contentRoot, string dataFolder) =>
        IndexPath is { Length: > 0 } path ? Resolve(contentRoot, path) : Path.Combine(dataFolder, "search-index");

    public string Resolve(string contentRoot, string path) => Path.GetFullPath(Path.Combine(contentRoot, path));
}
