using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Finds listings similar to a free text (a challenge's problem statement, Thai and English together) with
/// MoreLikeThis over the combined fields. Sector, category and provinces add score instead of filtering: a solution
/// deployed in another province is still a good match for a challenge.
/// </summary>
internal static class SimilarFinder
{
    private const int MaxQueryTerms = 25;

    // On a large index, words in more than half of all listings ("ระบบ", "platform") explain nothing.
    private const int CommonWordPercent = 50;
    private const int MinDocsForCommonWordCut = 100;

    public static IReadOnlyList<SimilarSolution> Find(IndexSearcher searcher, Analyzer analyzer, string? textTh, string? textEn,
        string? sector, int? category, IReadOnlyList<string>? provinces, int max)
    {
        var reader = searcher.IndexReader;
        var text = Like(reader, analyzer, string.Join('\n', new[] { textTh, textEn }.Where(t => !string.IsNullOrWhiteSpace(t))));
        if (max <= 0 || text is null)
        {
            return [];
        }

        var query = new BooleanQuery { { text, Occur.MUST } };
        AddBoost(query, FieldNames.Sector, sector, 0.5f);
        AddBoost(query, FieldNames.Category, category?.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.5f);
        foreach (var province in (provinces ?? []).Where(p => !string.IsNullOrEmpty(p)).Distinct().Take(77))
        {
            AddBoost(query, FieldNames.Province, province, 0.3f);
        }

        // Clauses come out of MoreLikeThis most telling first, which is the order the shared terms are reported in.
        var terms = text.Clauses.SelectMany(c => Terms(c.Query)).ToList();

        var top = searcher.Search(query, Math.Min(max, 100));
        return top.ScoreDocs.Select(hit => Similar(searcher, hit, terms)).ToList();
    }

    private static IEnumerable<Term> Terms(Query query)
    {
        var set = new HashSet<Term>();
        query.ExtractTerms(set);
        return set;
    }

    private static BooleanQuery? Like(IndexReader reader, Analyzer analyzer, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var mlt = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            FieldNames = [FieldNames.All, FieldNames.Meta],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 2,
            MaxQueryTerms = MaxQueryTerms,
            StopWords = ThaiAnalysis.StopWords.ToHashSet(),
        };
        if (reader.NumDocs >= MinDocsForCommonWordCut)
        {
            mlt.SetMaxDocFreqPct(CommonWordPercent);
        }

        var query = (BooleanQuery)mlt.Like(new StringReader(text[..Math.Min(text.Length, 20_000)]), FieldNames.All);
        return query.Clauses.Count == 0 ? null : query;
    }

    private static void AddBoost(BooleanQuery query, string field, string? value, float boost)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(new TermQuery(new Term(field, value)) { Boost = boost }, Occur.SHOULD);
        }
    }

    private static SimilarSolution Similar(IndexSearcher searcher, ScoreDoc hit, IReadOnlyList<Term> terms)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
        var local = hit.Doc - leaf.DocBase;
        var shared = new List<string>();
        foreach (var term in terms)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(term);
            if (docs is not null && docs.Advance(local) == local && !shared.Contains(term.Text))
            {
                shared.Add(term.Text);
            }
        }

        var card = ListingCard.Read(searcher, hit.Doc);
        return new SimilarSolution(card.Id, card.Slug, hit.Score, shared);
    }
}
