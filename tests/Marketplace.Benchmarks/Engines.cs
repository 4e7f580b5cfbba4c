using Marketplace.Search;

namespace Marketplace.Benchmarks;

/// <summary>A search engine under test: build from listings, then answer a query with a total and the first page of ids.</summary>
internal interface IEngine : IDisposable
{
    string Name { get; }

    void Build(IReadOnlyList<SolutionDocument> listings);

    /// <summary>Ids of the best <paramref name="limit"/> matches (facet counts computed too when the query asks).</summary>
    IReadOnlyList<int> Search(BenchQuery query, int limit);
}

/// <summary>Our SolutionIndex on a temporary folder (FSDirectory), called exactly as the web app calls it.</summary>
internal sealed class LuceneEngine : IEngine
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "marketplace-bench-" + Guid.NewGuid().ToString("N"));
    private SolutionIndex? index;

    public string Name => "SolutionIndex (Lucene.Net + ICU)";

    public void Build(IReadOnlyList<SolutionDocument> listings)
    {
        index = SolutionIndex.Open(folder);
        index.Rebuild(listings, sequence: 1);
    }

    public IReadOnlyList<int> Search(BenchQuery query, int limit)
    {
        var ids = new List<int>();
        for (var page = 1; ids.Count < limit; page++)
        {
            var result = Index.Search(new SearchRequest(query.Text, query.Sector, query.Category, query.Province,
                Page: page, PageSize: Math.Min(limit, 100)));
            ids.AddRange(result.Hits.Select(h => h.Id));
            if (result.Hits.Count < Math.Min(limit, 100))
            {
                break;
            }
        }

        return ids;
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix) => Index.Suggest(prefix);

    public void Dispose()
    {
        index?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private SolutionIndex Index => index ?? throw new InvalidOperationException("Build first.");
}
