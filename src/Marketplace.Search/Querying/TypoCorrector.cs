using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Search.Querying;

/// <summary>
/// Finds indexed words within one or two edits of a misspelt Latin word. A FuzzyQuery per field would build the
/// Levenshtein automaton once per field (about a millisecond each for two edits); enumerating with one shared
/// attribute source builds it once per word and reuses it across fields and segments.
/// </summary>
internal static class TypoCorrector
{
    private const int PrefixLength = 1;
    private const int MaxCorrectionsPerField = 3;

    public static IEnumerable<(Term Term, float Similarity)> Corrections(IndexReader reader, IEnumerable<string> fields, string word)
    {
        var maxEdits = word.Length >= 7 ? 2 : 1;
        var shared = new AttributeSource();
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var found = new List<(Term Term, float Similarity, int DocFreq)>();
            var fuzzy = new FuzzyTermsEnum(terms, shared, new Term(field, word), maxEdits, PrefixLength, true);
            var similarity = fuzzy.Attributes.AddAttribute<IBoostAttribute>();
            while (fuzzy.MoveNext())
            {
                found.Add((new Term(field, BytesRef.DeepCopyOf(fuzzy.Term)), similarity.Boost, fuzzy.DocFreq));
            }

            foreach (var correction in found.OrderByDescending(f => f.Similarity).ThenByDescending(f => f.DocFreq).Take(MaxCorrectionsPerField))
            {
                yield return (correction.Term, correction.Similarity);
            }
        }
    }
}
