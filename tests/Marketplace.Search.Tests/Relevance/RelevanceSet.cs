namespace Marketplace.Search.Relevance;

/// <summary>One judged query: its language, the kind of difficulty it tests, and the graded relevant listings (by slug).</summary>
public sealed record JudgedQuery(string Language, string Kind, string Text, IReadOnlyDictionary<string, int> Grades);

/// <summary>Reads judgments.tsv (its header comment describes the format).</summary>
public static class RelevanceSet
{
    public static string DefaultPath() => Find("judgments.tsv");

    /// <summary>A judged set by file name (the build copies every Relevance/*.tsv beside the program), or by path.</summary>
    public static string Find(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Relevance", name);
        return File.Exists(beside) ? beside
            : File.Exists(name) ? Path.GetFullPath(name)
            : throw new FileNotFoundException("No judged set " + name, name);
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
