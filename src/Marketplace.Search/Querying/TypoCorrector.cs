using Lucene.Net.Index;
using Lucene.Net.Util;
using Marketplace.Search.Analysis;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Finds indexed words within one edit (two for words of seven letters or more) of a misspelt Latin word, with the
/// first letter fixed, as FuzzyQuery would with prefixLength 1. FuzzyQuery compiles a Levenshtein automaton per
/// query, which in Lucene.Net measured 0.9 ms for one edit and 3.6 ms for two on a 12-letter word — most of a
/// latency budget. Walking the combined field's terms that share the first letter and computing a bounded edit
/// distance costs tens of microseconds on the same index. The terms are stems, which is what the query needs.
/// </summary>
internal static class TypoCorrector
{
    private static bool IsLatinWord(BytesRef term)
    {
        for (var i = term.Offset; i < term.Offset + term.Length; i++)
        {
            if (term.Bytes[i] is < (byte)'a' or > (byte)'z')
            {
                return false;
            }
        }

        return true;
    }

    private const int MaxCorrections = 3;
    private const int MaxScannedTerms = 20_000;

    /// <summary>
    /// Indexed Thai words within one edit (two from seven letters) of a Thai word, same first letter: the spellings
    /// an empty result suggests. Slower than the Latin case (Thai terms are decoded), so only for empty results.
    /// </summary>
    public static IReadOnlyList<(string Word, float Similarity)> ThaiCorrections(IndexReader reader, string word) =>
        Scan(reader, word, thai: true);

    public static IReadOnlyList<(string Word, float Similarity)> Corrections(IndexReader reader, string word) =>
        Scan(reader, word, thai: false);

    private static IReadOnlyList<(string Word, float Similarity)> Scan(IndexReader reader, string word, bool thai)
    {
        var terms = MultiFields.GetTerms(reader, FieldNames.All);
        if (terms is null || word.Length < 2)
        {
            return [];
        }

        var maxEdits = word.Length >= 7 ? 2 : 1;
        var prefix = new BytesRef(word[..1]);
        var termsEnum = terms.GetEnumerator();
        if (termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        var found = new List<(string Word, int Distance, int DocFreq)>();
        var scanned = 0;
        do
        {
            var term = termsEnum.Term;
            if (!StringHelper.StartsWith(term, prefix))
            {
                break;
            }

            // Latin words are ASCII, so the byte length is the letter count: skip impossible lengths undecoded.
            var candidate = thai ? term.Utf8ToString() : Math.Abs(term.Length - word.Length) <= maxEdits && IsLatinWord(term) ? term.Utf8ToString() : null;
            if (candidate is not null && (!thai || ThaiAnalysis.IsAllThai(candidate)))
            {
                var distance = EditDistance.Bounded(word, candidate, maxEdits);
                if (distance > 0 && distance <= maxEdits)
                {
                    found.Add((candidate, distance, termsEnum.DocFreq));
                }
            }
        }
        while (++scanned < MaxScannedTerms && termsEnum.MoveNext());

        return found
            .OrderBy(f => f.Distance)
            .ThenByDescending(f => f.DocFreq)
            .Take(MaxCorrections)
            .Select(f => (f.Word, 1f - ((float)f.Distance / word.Length)))
            .ToList();
    }
}

/// <summary>Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), abandoned past a bound.</summary>
internal static class EditDistance
{
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
