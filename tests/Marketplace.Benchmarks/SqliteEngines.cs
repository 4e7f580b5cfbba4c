using System.Globalization;
using Marketplace.Search;
using Microsoft.Data.Sqlite;

namespace Marketplace.Benchmarks;

/// <summary>
/// The listings in a SQLite file, with the filters as columns and join tables. Subclasses add the text search.
/// Every search runs what a results page needs: the first page of ids, the total, and for faceted queries the
/// facet counts (plain counts of the matches, computed from one extra query — simpler than our drill-sideways).
/// </summary>
internal abstract class SqliteEngine : IEngine
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"marketplace-bench-{Guid.NewGuid():N}.db");

    protected SqliteEngine()
    {
        Connection = new SqliteConnection($"Data Source={path};Pooling=False");
        Connection.Open();
        // A benchmark database: no durability, and a page cache big enough to keep it all in memory like Lucene's files.
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;");
    }

    public abstract string Name { get; }

    protected SqliteConnection Connection { get; }

    public void Build(IReadOnlyList<SolutionDocument> listings)
    {
        Execute("""
            CREATE TABLE listings(id INTEGER PRIMARY KEY, sector TEXT, maturity TEXT, pricing TEXT, certified INTEGER,
              published INTEGER, categories TEXT, provinces TEXT, alltext TEXT);
            CREATE TABLE listing_categories(listing_id INTEGER, category INTEGER, PRIMARY KEY(listing_id, category)) WITHOUT ROWID;
            CREATE TABLE listing_provinces(listing_id INTEGER, province TEXT, PRIMARY KEY(listing_id, province)) WITHOUT ROWID;
            """);
        CreateTextSchema();
        using var transaction = Connection.BeginTransaction();
        using var insert = Command("INSERT INTO listings VALUES($id, $sector, $maturity, $pricing, $certified, $published, $categories, $provinces, $alltext)");
        using var category = Command("INSERT OR IGNORE INTO listing_categories VALUES($id, $value)");
        using var province = Command("INSERT OR IGNORE INTO listing_provinces VALUES($id, $value)");
        foreach (var listing in listings)
        {
            Run(insert, ("$id", listing.Id), ("$sector", listing.Sector), ("$maturity", listing.Maturity), ("$pricing", listing.PricingModel),
                ("$certified", listing.Certified ? 1 : 0), ("$published", listing.PublishedAt.UtcTicks),
                ("$categories", string.Join(',', listing.Categories)), ("$provinces", string.Join(',', listing.Provinces)),
                ("$alltext", StoresAllText ? AllText(listing).ToLowerInvariant() : null));
            foreach (var value in listing.Categories)
            {
                Run(category, ("$id", listing.Id), ("$value", value));
            }

            foreach (var value in listing.Provinces)
            {
                Run(province, ("$id", listing.Id), ("$value", value));
            }

            InsertText(listing);
        }

        transaction.Commit();
        Execute("CREATE INDEX listings_published ON listings(published); CREATE INDEX listings_sector ON listings(sector);");
        FinishBuild();
        Execute("ANALYZE;");
    }

    public IReadOnlyList<int> Search(BenchQuery query, int limit)
    {
        var (from, where, order, parameters) = Plan(query);
        var filters = new List<string>();
        if (where is not null)
        {
            filters.Add(where);
        }

        if (query.Sector is not null)
        {
            filters.Add("l.sector = $sector");
            parameters.Add(("$sector", query.Sector));
        }

        if (query.Category is not null)
        {
            filters.Add("EXISTS (SELECT 1 FROM listing_categories c WHERE c.listing_id = l.id AND c.category = $category)");
            parameters.Add(("$category", query.Category.Value));
        }

        if (query.Province is not null)
        {
            filters.Add("EXISTS (SELECT 1 FROM listing_provinces p WHERE p.listing_id = l.id AND p.province = $province)");
            parameters.Add(("$province", query.Province));
        }

        var whereClause = filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters);
        var ids = new List<int>();
        Read($"SELECT l.id FROM {from}{whereClause} ORDER BY {order} LIMIT {limit}", parameters, row => ids.Add(row.GetInt32(0)));
        if (query.Faceted)
        {
            CountFacets($"SELECT l.sector, l.maturity, l.pricing, l.certified, l.categories, l.provinces FROM {from}{whereClause}", parameters);
        }
        else
        {
            Read($"SELECT count(*) FROM {from}{whereClause}", parameters, _ => { });
        }

        return ids;
    }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    protected virtual bool StoresAllText => false;

    protected static string AllText(SolutionDocument l) => string.Join(' ', new[]
    {
        l.TitleTh, l.TitleEn, l.SummaryTh, l.SummaryEn, l.DescriptionTh, l.DescriptionEn, string.Join(' ', l.Tags), l.VendorNameTh, l.VendorNameEn,
    }.Where(t => !string.IsNullOrEmpty(t)));

    protected abstract void CreateTextSchema();

    protected abstract void InsertText(SolutionDocument listing);

    protected virtual void FinishBuild()
    {
    }

    /// <summary>The FROM clause, the text condition (null without words), the order, and their parameters.</summary>
    protected abstract (string From, string? Where, string Order, List<(string, object)> Parameters) Plan(BenchQuery query);

    protected void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs a reused command, creating its parameters on first use and only setting values after that.</summary>
    protected static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i].Value ?? DBNull.Value;
            if (command.Parameters.Count <= i)
            {
                command.Parameters.AddWithValue(values[i].Name, value);
            }
            else
            {
                command.Parameters[i].Value = value;
            }
        }

        command.ExecuteNonQuery();
    }

    private void Read(string sql, List<(string Name, object Value)> parameters, Action<SqliteDataReader> row)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private void CountFacets(string sql, List<(string, object)> parameters)
    {
        var counts = new Dictionary<(int, string), int>();
        Read(sql, parameters, reader =>
        {
            for (var column = 0; column < 6; column++)
            {
                var raw = reader.IsDBNull(column) ? string.Empty : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)!;
                foreach (var value in column >= 4 ? raw.Split(',') : [raw])
                {
                    counts[(column, value)] = counts.GetValueOrDefault((column, value)) + 1;
                }
            }
        });
    }
}
