using Marketplace.Search;

namespace Marketplace.Benchmarks;

/// <summary>SQLite FTS5 with its default tokenizer (unicode61), ranked by bm25; words are AND-ed as FTS5 does by default.</summary>
internal sealed class Fts5Engine : SqliteEngine
{
    private Microsoft.Data.Sqlite.SqliteCommand? insert;

    public override string Name => "SQLite FTS5 (unicode61)";

    protected override void CreateTextSchema() => Execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title_th, title_en, summary_th, summary_en, description_th, description_en, tags, vendor_th, vendor_en);");

    protected override void InsertText(SolutionDocument l)
    {
        insert ??= Command("INSERT INTO fts(rowid, title_th, title_en, summary_th, summary_en, description_th, description_en, tags, vendor_th, vendor_en) " +
            "VALUES($id, $a, $b, $c, $d, $e, $f, $g, $h, $i)");
        Run(insert, ("$id", l.Id), ("$a", l.TitleTh), ("$b", l.TitleEn), ("$c", l.SummaryTh), ("$d", l.SummaryEn), ("$e", l.DescriptionTh),
            ("$f", l.DescriptionEn), ("$g", string.Join(' ', l.Tags)), ("$h", l.VendorNameTh), ("$i", l.VendorNameEn));
    }

    protected override void FinishBuild()
    {
        insert?.Dispose();
        Execute("INSERT INTO fts(fts) VALUES('optimize');");
    }

    protected override (string, string?, string, List<(string, object)>) Plan(BenchQuery query)
    {
        // Each word quoted: FTS5 syntax characters in user input are then literal, and the words are AND-ed.
        var words = (query.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", string.Empty) + "\"").ToList();
        return words.Count == 0
            ? ("listings l", null, "l.published DESC", [])
            : ("fts JOIN listings l ON l.id = fts.rowid", "fts MATCH $match", "fts.rank", [("$match", string.Join(' ', words))]);
    }
}

/// <summary>
/// LIKE '%word%' on one lower-cased column holding all of a listing's text: every word must occur as a substring.
/// It finds Thai inside sentences, but scans every row and cannot rank, so results come newest first.
/// </summary>
internal sealed class LikeEngine : SqliteEngine
{
    public override string Name => "SQLite LIKE '%term%'";

    protected override bool StoresAllText => true;

    protected override void CreateTextSchema()
    {
    }

    protected override void InsertText(SolutionDocument listing)
    {
    }

    protected override (string, string?, string, List<(string, object)>) Plan(BenchQuery query)
    {
        var words = (query.Text ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parameters = new List<(string, object)>();
        var conditions = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var escaped = words[i].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            conditions.Add($"l.alltext LIKE $w{i} ESCAPE '\\'");
            parameters.Add(($"$w{i}", "%" + escaped + "%"));
        }

        return ("listings l", conditions.Count == 0 ? null : string.Join(" AND ", conditions), "l.published DESC", parameters);
    }
}
