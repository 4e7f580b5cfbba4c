using Lucene.Net.Index;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Querying;

/// <summary>
/// Which words one searcher's index holds, asked while a query is parsed: a dictionary alternative with a word no
/// listing has cannot match, so it is dropped before it costs a clause in every stage of the search (and leaves its
/// place to one that can match), and a Latin word the index neither holds nor can correct may be a misspelt
/// dictionary term.
/// </summary>
internal sealed class IndexVocabulary(IndexReader reader)
{
    private readonly Dictionary<string, bool> occurs = new(StringComparer.Ordinal);

    /// <summary>Whether any listing has this stemmed word.</summary>
    public bool Occurs(string stem)
    {
        if (!occurs.TryGetValue(stem, out var found))
        {
            found = reader.DocFreq(new Term(FieldNames.All, stem)) > 0;
            occurs[stem] = found;
        }

        return found;
    }

    /// <summary>Whether a listing has this stemmed word or one typo correction would reach one.</summary>
    public bool OccursOrCorrects(string stem) => Occurs(stem) || TypoCorrector.Corrections(reader, stem).Count > 0;
}
