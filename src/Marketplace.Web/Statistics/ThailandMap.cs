namespace Marketplace.Web.Statistics;

/// <summary>
/// The outlines of Thailand's 77 provinces as SVG path data, keyed by ISO 3166-2:TH code, read once from the file
/// scripts/thailand-map.py writes (Natural Earth boundaries, public domain; see the README's statistics section).
/// </summary>
public static class ThailandMap
{
    private const string Resource = "Marketplace.Web.Statistics.thailand-provinces.txt";

    private static readonly Lazy<(string ViewBox, IReadOnlyDictionary<string, string> Paths)> Data = new(Load);

    public static string ViewBox => Data.Value.ViewBox;

    public static IReadOnlyDictionary<string, string> Paths => Data.Value.Paths;

    private static (string, IReadOnlyDictionary<string, string>) Load()
    {
        using var stream = typeof(ThailandMap).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        var viewBox = "";
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var (name, value) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            if (name == "viewBox")
                viewBox = value;
            else
                paths[name] = value;
        }
        return (viewBox, paths);
    }
}
