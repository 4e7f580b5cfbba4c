using System.Globalization;
using Marketplace.Search;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks;

/// <summary>
/// The listings in a PostgreSQL database of their own (created and dropped by the engine), with the filters as columns
/// and arrays. Subclasses add the text search over title, summary and description (Thai and English). Like the SQLite
/// engines, a search runs the first page of ids and the total, or the facet counts for a faceted query. The server is
/// given with --postgres or MARKETPLACE_BENCH_POSTGRES (for example what .ci/postgres/start prints).
/// </summary>
internal abstract class PostgresEngine : IEngine
{
    private readonly string server;
    private readonly string database = $"marketplace_bench_{Guid.NewGuid():N}";

    protected PostgresEngine(string server)
    {
        this.server = server;
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0", admin);
            create.ExecuteNonQuery();
        }

        Connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        Connection.Open();
    }

    public abstract string Name { get; }

    protected NpgsqlConnection Connection { get; }

    public void Build(IReadOnlyList<SolutionDocument> listings)
    {
        Execute("""
            CREATE TABLE listings(id integer PRIMARY KEY, sector text, maturity text, pricing text, certified boolean,
              published bigint, categories integer[], provinces text[], searchtext text);
            """);
        using (var copy = Connection.BeginBinaryImport(
                   "COPY listings(id, sector, maturity, pricing, certified, published, categories, provinces, searchtext) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in listings)
            {
                copy.StartRow();
                copy.Write(l.Id, NpgsqlDbType.Integer);
                copy.Write(l.Sector, NpgsqlDbType.Text);
                copy.Write(l.Maturity, NpgsqlDbType.Text);
                copy.Write(l.PricingModel, NpgsqlDbType.Text);
                copy.Write(l.Certified, NpgsqlDbType.Boolean);
                copy.Write(l.PublishedAt.UtcTicks, NpgsqlDbType.Bigint);
                copy.Write(l.Categories.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
                copy.Write(l.Provinces.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                copy.Write(SearchText(l), NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        Execute("""
            CREATE INDEX listings_published ON listings(published); CREATE INDEX listings_sector ON listings(sector);
            CREATE INDEX listings_categories ON listings USING gin(categories); CREATE INDEX listings_provinces ON listings USING gin(provinces);
            """);
        FinishBuild();
        Execute("ANALYZE listings;");
    }

    public IReadOnlyList<int> Search(BenchQuery query, int limit)
    {
        var (where, order, parameters) = Plan(query);
        var filters = new List<string>();
        if (where is not null)
        {
            filters.Add(where);
        }

        if (query.Sector is not null)
        {
            filters.Add("sector = @sector");
            parameters.Add(("sector", query.Sector));
        }

        if (query.Category is not null)
        {
            filters.Add("categories @> ARRAY[@category]");
            parameters.Add(("category", query.Category.Value));
        }

        if (query.Province is not null)
        {
            filters.Add("provinces @> ARRAY[@province]");
            parameters.Add(("province", query.Province));
        }

        var whereClause = filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", filters);
        var ids = new List<int>();
        Read($"SELECT id FROM listings{whereClause} ORDER BY {order} LIMIT {limit}", parameters, row => ids.Add(row.GetInt32(0)));
        if (query.Faceted)
        {
            CountFacets($"SELECT sector, maturity, pricing, certified::text, array_to_string(categories, ','), array_to_string(provinces, ',') FROM listings{whereClause}", parameters);
        }
        else
        {
            Read($"SELECT count(*) FROM listings{whereClause}", parameters, _ => { });
        }

        return ids;
    }

    public void Dispose()
    {
        Connection.Dispose();
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    /// <summary>What both PostgreSQL engines search: title, summary and description in both languages, lower-cased.</summary>
    private static string SearchText(SolutionDocument l) => string.Join(' ', new[]
    {
        l.TitleTh, l.TitleEn, l.SummaryTh, l.SummaryEn, l.DescriptionTh, l.DescriptionEn,
    }.Where(t => !string.IsNullOrEmpty(t))).ToLowerInvariant();

    protected abstract void FinishBuild();

    /// <summary>The text condition (null without words), the order, and their parameters.</summary>
    protected abstract (string? Where, string Order, List<(string, object)> Parameters) Plan(BenchQuery query);

    protected static string[] Words(BenchQuery query) =>
        (query.Text ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    protected void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, Connection);
        command.ExecuteNonQuery();
    }

    private void Read(string sql, List<(string Name, object Value)> parameters, Action<NpgsqlDataReader> row)
    {
        using var command = new NpgsqlCommand(sql, Connection);
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

/// <summary>
/// PostgreSQL full-text search with the <c>simple</c> configuration (no stemming, words split at spaces and
/// punctuation) on a stored tsvector with a GIN index, ranked by ts_rank; the words are AND-ed. Thai is written without
/// spaces, so a Thai word inside a sentence is not a token of its own.
/// </summary>
internal sealed class PgFtsEngine(string server) : PostgresEngine(server)
{
    public override string Name => "PostgreSQL FTS (simple, GIN)";

    protected override void FinishBuild() => Execute("""
        ALTER TABLE listings ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', searchtext)) STORED;
        CREATE INDEX listings_tsv ON listings USING gin(tsv);
        """);

    protected override (string?, string, List<(string, object)>) Plan(BenchQuery query)
    {
        var words = Words(query);
        // plainto_tsquery treats the input as words, never as query syntax, and AND-s them.
        return words.Length == 0
            ? (null, "published DESC", [])
            : ("tsv @@ plainto_tsquery('simple', @q)", "ts_rank(tsv, plainto_tsquery('simple', @q)) DESC, id", [("q", string.Join(' ', words))]);
    }
}

/// <summary>
/// pg_trgm: every word must occur as a substring (ILIKE '%word%'), served by a trigram GIN index, ranked by
/// similarity to the whole query. Finds Thai inside sentences, like LIKE, but from an index.
/// </summary>
internal sealed class PgTrgmEngine(string server) : PostgresEngine(server)
{
    public override string Name => "PostgreSQL pg_trgm (GIN, ILIKE)";

    protected override void FinishBuild() => Execute("""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX listings_trgm ON listings USING gin(searchtext gin_trgm_ops);
        """);

    protected override (string?, string, List<(string, object)>) Plan(BenchQuery query)
    {
        var words = Words(query);
        if (words.Length == 0)
        {
            return (null, "published DESC", []);
        }

        var parameters = new List<(string, object)> { ("q", string.Join(' ', words)) };
        var conditions = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var escaped = words[i].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            conditions.Add($"searchtext ILIKE @w{i}");
            parameters.Add(($"w{i}", "%" + escaped + "%"));
        }

        return (string.Join(" AND ", conditions), "similarity(searchtext, @q) DESC, id", parameters);
    }
}
