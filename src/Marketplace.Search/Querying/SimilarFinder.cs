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

    // A dictionary alternative of the challenge's words counts for half of a word the challenge itself uses.
    private const float RelatedWeight = 0.5f;
    private const int MaxRelated = 12;
    private const int PieceLength = 200;

    // Reasons and alternatives come from the start of a long text; MoreLikeThis reads 20,000 characters.
    private const int MaxReasonText = 5_000;

    // Thai words of one or two syllables written this short are usually half of a compound (มือ|ถือ, ผู้|สูงอายุ).
    private const int MinThaiWord = 4;

    public static IReadOnlyList<SimilarSolution> Find(IndexSearcher searcher, Analyzer analyzer, SearchDictionary dictionary, string? textTh,
        string? textEn, string? sector, int? category, IReadOnlyList<string>? provinces, int max)
    {
        var reader = searcher.IndexReader;
        var full = string.Join('\n', new[] { textTh, textEn }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var text = Like(reader, analyzer, full);
        var related = Related(full, dictionary, analyzer);
        if (max <= 0 || (text is null && related is null))
        {
            return [];
        }

        // The challenge's own words, or the same ideas in the dictionaries' words (the other language, a full form).
        var content = new BooleanQuery(disableCoord: true);
        foreach (var part in new[] { text, related }.OfType<BooleanQuery>())
        {
            content.Add(part, Occur.SHOULD);
        }

        var query = new BooleanQuery { { content, Occur.MUST } };
        AddBoost(query, FieldNames.Sector, sector, 0.5f);
        AddBoost(query, FieldNames.Category, category?.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.5f);
        foreach (var province in (provinces ?? []).Where(p => !string.IsNullOrEmpty(p)).Distinct().Take(77))
        {
            AddBoost(query, FieldNames.Province, province, 0.3f);
        }

        // Clauses come out of MoreLikeThis most telling first, which is the order the shared terms are reported in.
        var terms = (text?.Clauses ?? []).SelectMany(c => Terms(c.Query)).Distinct().ToList();
        var words = ParsedQuery.Analyze(analyzer, full[..Math.Min(full.Length, MaxReasonText)], int.MaxValue);

        var top = searcher.Search(query, Math.Min(max, 100));
        return top.ScoreDocs.Select(hit => Similar(searcher, hit, terms, words, full)).ToList();
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

    /// <summary>
    /// What the dictionaries say the text also means: each chunk's alternatives (abbreviation, spelling, the other
    /// language) that bring words the text does not already have, as all-words queries counting half. The text is
    /// read in pieces, because a query is parsed only up to its first few dozen words.
    /// </summary>
    private static BooleanQuery? Related(string text, SearchDictionary dictionary, Analyzer analyzer)
    {
        var related = new BooleanQuery(disableCoord: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in Pieces(text[..Math.Min(text.Length, MaxReasonText)]))
        {
            var parsed = ParsedQuery.Parse(piece, analyzer, dictionary);
            var own = parsed.Tokens.Select(t => t.Stemmed).ToHashSet(StringComparer.Ordinal);
            foreach (var words in parsed.Units.SelectMany(u => u.Expansions).Select(e => e.Words).OfType<QueryUnit>())
            {
                var stems = words.Tokens.Where(t => !t.IsStopWord).Select(t => t.Stemmed).Distinct().ToList();
                if (stems.Count == 0 || stems.All(own.Contains) || !seen.Add(string.Join(' ', stems)) || related.Clauses.Count >= MaxRelated)
                {
                    continue;
                }

                var all = new BooleanQuery(disableCoord: true) { Boost = RelatedWeight };
                foreach (var stem in stems)
                {
                    all.Add(new TermQuery(new Term(FieldNames.All, stem)), Occur.MUST);
                }

                related.Add(all, Occur.SHOULD);
            }
        }

        return related.Clauses.Count == 0 ? null : related;
    }

    /// <summary>The text cut at white space into pieces a query parse reads whole.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var piece = new System.Text.StringBuilder();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece.Length > 0 && piece.Length + chunk.Length > PieceLength)
            {
                yield return piece.ToString();
                piece.Clear();
            }

            piece.Append(chunk).Append(' ');
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static SimilarSolution Similar(IndexSearcher searcher, ScoreDoc hit, IReadOnlyList<Term> terms, IReadOnlyList<QueryToken> words, string text)
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
        return new SimilarSolution(card.Id, card.Slug, hit.Score, WholeWords(shared, words, text));
    }

    /// <summary>
    /// The shared index terms as a person wrote them in the challenge: a stem becomes the word it came from
    /// ("qualiti" → "quality"), and Thai words that sit side by side in the text and are all shared join into the
    /// word they form when one of them is a short piece ("มือ" + "ถือ" → "มือถือ"; longer words such as แจ้งเตือน
    /// and มลพิษ stay apart), so a reason is never a fragment of a word. Most telling first.
    /// </summary>
    internal static IReadOnlyList<string> WholeWords(IReadOnlyList<string> sharedStems, IReadOnlyList<QueryToken> words, string text)
    {
        var rank = sharedStems.Select((stem, i) => (stem, i)).ToDictionary(p => p.stem, p => p.i, StringComparer.Ordinal);
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < words.Count; i++)
        {
            if (!rank.TryGetValue(words[i].Stemmed, out var best))
            {
                continue;
            }

            var run = words[i].Plain;
            while (words[i].IsThai && i + 1 < words.Count && words[i + 1].IsThai && rank.TryGetValue(words[i + 1].Stemmed, out var next)
                && (words[i].Plain.Length < MinThaiWord || words[i + 1].Plain.Length < MinThaiWord)
                && text.Contains(run + words[i + 1].Plain, StringComparison.Ordinal))
            {
                run += words[++i].Plain;
                best = Math.Min(best, next);
            }

            if (!words[i].IsStopWord || run.Length > words[i].Plain.Length)
            {
                found[run] = Math.Min(found.GetValueOrDefault(run, int.MaxValue), best);
            }
        }

        return found.OrderBy(f => f.Value).ThenByDescending(f => f.Key.Length).Select(f => f.Key).ToList();
    }
}
