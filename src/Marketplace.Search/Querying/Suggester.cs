using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Autocomplete by seeking the typed prefix in the suggestion fields' terms dictionaries (see <see cref="SuggestText"/>):
/// a few hundred term visits at most, no scoring, no stored-field reads.
/// </summary>
internal static class Suggester
{
    public const int MaxSuggestions = 50;
    private const int MaxScannedTermsPerKind = 300;

    private static readonly (string Field, string Kind, int Rank)[] Kinds =
    [
        (FieldNames.SuggestTitle, Suggestion.TitleKind, 0),
        (FieldNames.SuggestTag, Suggestion.TagKind, 1),
        (FieldNames.SuggestVendor, Suggestion.VendorKind, 2),
    ];

    public static IReadOnlyList<Suggestion> Suggest(IndexReader reader, string? prefix, int max)
    {
        if (max <= 0 || string.IsNullOrWhiteSpace(prefix))
        {
            return [];
        }

        var key = SuggestText.Key(SuggestText.Normalise(prefix));
        if (key.Length == 0)
        {
            return [];
        }

        var candidates = new List<Candidate>();
        var liveDocs = MultiFields.GetLiveDocs(reader);
        foreach (var (field, kind, rank) in Kinds)
        {
            Collect(reader, field, key, liveDocs, c => candidates.Add(c with { Kind = kind, KindRank = rank }));
        }

        return candidates
            .OrderByDescending(c => c.StartsWithPrefix)
            .ThenByDescending(c => c.DocFreq)
            .ThenBy(c => c.KindRank)
            .ThenBy(c => c.Text.Length)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .DistinctBy(c => c.Text, StringComparer.OrdinalIgnoreCase)
            .Take(Math.Min(max, MaxSuggestions))
            .Select(c => new Suggestion(c.Text, c.Kind))
            .ToList();
    }

    private static void Collect(IndexReader reader, string field, string key, IBits? liveDocs, Action<Candidate> add)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return;
        }

        var prefix = new BytesRef(key);
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return;
        }

        DocsEnum? docs = null;
        var scanned = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, prefix))
            {
                return;
            }

            // Terms of deleted listings stay in the dictionary until segments merge: skip those with no live document.
            docs = termsEnum.Docs(liveDocs, docs, DocsFlags.NONE);
            if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                var (suffix, display) = SuggestText.Split(term.Utf8ToString());
                var startsWithPrefix = SuggestText.Key(SuggestText.Normalise(display)) == suffix;
                add(new Candidate(display, string.Empty, 0, startsWithPrefix, termsEnum.DocFreq));
            }
        }
        while (++scanned < MaxScannedTermsPerKind && termsEnum.MoveNext());
    }

    private sealed record Candidate(string Text, string Kind, int KindRank, bool StartsWithPrefix, int DocFreq);
}
