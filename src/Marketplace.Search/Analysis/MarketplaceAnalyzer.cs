using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Analysis;

/// <summary>
/// One analyzer for every field, chosen by field name: Thai bigrams for the bigram field; otherwise ICU words,
/// lower-cased, folded to ASCII (café = cafe) and stemmed with KStem ("monitoring" = "monitor"). Stemming applies to
/// the Latin words inside Thai text too, and leaves Thai words alone; the "unstemmed" chain serves autocomplete and
/// typo correction, which compare words as written.
/// </summary>
public sealed class MarketplaceAnalyzer : Analyzer
{
    // Keeps phrases from matching across two texts or two tags of a multi-valued field.
    private const int ValueGap = 100;

    public MarketplaceAnalyzer()
        : base(PER_FIELD_REUSE_STRATEGY)
    {
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (FieldNames.IsBigram(fieldName))
        {
            return new TokenStreamComponents(new ThaiBigramTokenizer(reader));
        }

        var tokenizer = new IcuWordTokenizer(reader);
        TokenStream stream = new LowerCaseFoldingFilter(tokenizer);
        if (fieldName != FieldNames.Unstemmed)
        {
            stream = new KStemFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
