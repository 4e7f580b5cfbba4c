using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Autocomplete by seeking the typed prefix among the suggestion keys (see <see cref="SuggestText"/>): keys that start
/// a title, tag or vendor name come first, then keys that start a later word, each ordered by how many listings have
/// them. The text shown is read back from a listing that has the key, so only the few suggestions returned cost a
/// stored-field read.
/// </summary>
internal static class Suggester
{
    public const int MaxSuggestions = 50;
    private const int MaxScannedKeys = 300;

    private static readonly HashSet<string> TagFields = [FieldNames.Tag];
    private static readonly HashSet<string> VendorFields = [FieldNames.VendorTh, FieldNames.VendorEn];

    public static IReadOnlyList<Suggestion> Suggest(IndexSearcher searcher, string? prefix, int max)
    {
        var typed = string.IsNullOrWhiteSpace(prefix) ? string.Empty : SuggestText.Normalise(prefix);
        var key = SuggestText.Key(typed);
        if (max <= 0 || key.Length == 0)
        {
            return [];
        }

        var terms = MultiFields.GetTerms(searcher.IndexReader, FieldNames.Suggest);
        if (terms is null)
        {
            return [];
        }

        var candidates = new List<Candidate>();
        foreach (var (rank, (start, inner, kind)) in SuggestText.Markers.Index())
        {
            Collect(terms, new Candidate(start + key, kind, true, 0, rank), candidates);
            Collect(terms, new Candidate(inner + key, kind, false, 0, rank), candidates);
        }

        var liveDocs = MultiFields.GetLiveDocs(searcher.IndexReader);
        var suggestions = new List<Suggestion>();
        var ordered = candidates.OrderByDescending(c => c.AtStart).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Rank);

        // Each candidate costs a stored-field read; many keys can lead to the same text, so bound the reads.
        foreach (var candidate in ordered.Take(Math.Min(max, MaxSuggestions) * 4))
        {
            if (suggestions.Count >= Math.Min(max, MaxSuggestions))
            {
                break;
            }

            foreach (var text in Displays(searcher, terms, liveDocs, candidate.Key, candidate.Kind))
            {
                var normalised = SuggestText.Normalise(text);
                var fits = candidate.AtStart ? normalised.StartsWith(typed, StringComparison.Ordinal) : normalised.Contains(typed, StringComparison.Ordinal);
                if (fits && !suggestions.Any(s => string.Equals(s.Text, text, StringComparison.OrdinalIgnoreCase)))
                {
                    suggestions.Add(new Suggestion(text, candidate.Kind));
                }
            }
        }

        return suggestions.Take(Math.Min(max, MaxSuggestions)).ToList();
    }

    /// <summary>Every key that extends the seek key (up to a bound), with its listing count.</summary>
    private static void Collect(Terms terms, Candidate seek, List<Candidate> candidates)
    {
        var termsEnum = terms.GetEnumerator();
        var target = new BytesRef(seek.Key);
        if (termsEnum.SeekCeil(target) == TermsEnum.SeekStatus.END)
        {
            return;
        }

        var scanned = 0;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, target))
            {
                return;
            }

            candidates.Add(seek with { Key = termsEnum.Term.Utf8ToString(), DocFreq = termsEnum.DocFreq });
        }
        while (++scanned < MaxScannedKeys && termsEnum.MoveNext());
    }

    /// <summary>The texts of the key's kind in the first live listing that has the key (terms of deleted listings linger until merges).</summary>
    private static IEnumerable<string> Displays(IndexSearcher searcher, Terms terms, IBits? liveDocs, string key, string kind)
    {
        var termsEnum = terms.GetEnumerator();
        if (!termsEnum.SeekExact(new BytesRef(key)))
        {
            return [];
        }

        var docs = termsEnum.Docs(liveDocs, null, DocsFlags.NONE);
        var doc = docs.NextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS)
        {
            return [];
        }

        if (kind == Suggestion.TitleKind)
        {
            var card = ListingCard.Read(searcher, doc);
            return new[] { card.TitleTh, card.TitleEn }.OfType<string>().ToList();
        }

        var fields = kind == Suggestion.TagKind ? TagFields : VendorFields;
        return fields.SelectMany(searcher.Doc(doc, fields).GetValues).ToList();
    }

    private sealed record Candidate(string Key, string Kind, bool AtStart, int DocFreq, int Rank);
}
