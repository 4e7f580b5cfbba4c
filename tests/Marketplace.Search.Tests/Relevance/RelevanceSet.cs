namespace Marketplace.Search.Relevance;

/// <summary>One judged query: its language, the kind of difficulty it tests, and the graded relevant listings (by slug).</summary>
public sealed record JudgedQuery(string Language, string Kind, string Text, IReadOnlyDictionary<string, int> Grades);

/// <summary>Reads judgments.tsv (its header comment describes the format).</summary>
public static class RelevanceSet
{
    public static string DefaultPath() => Find("judgments.tsv");

    /// <summary>
    /// A judged set by file name: beside the program when the build copied it, else in this source folder (found by
    /// walking up from the program), so a new set needs no project-file change; any other path is taken as given.
    /// </summary>
    public static string Find(string name)
    {
        if (File.Exists(name) && Path.GetDirectoryName(name) is { Length: > 0 })
        {
            return Path.GetFullPath(name);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "Relevance", name);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "tests", "Marketplace.Search.Tests", "Relevance", name);
            if (File.Exists(source))
            {
                return source;
            }
        }

        return File.Exists(name) ? Path.GetFullPath(name) : throw new FileNotFoundException("No judged set " + name, name);
    }

    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var columns = line.Split('\t');
                if (columns.Length != 4)
                {
                    throw new FormatException("Expected 4 tab-separated columns: " + line);
                }

                var grades = columns[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => pair.Split('='))
                    .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
                return new JudgedQuery(columns[0], columns[1], columns[2], grades);
            })
            .ToList();
}
