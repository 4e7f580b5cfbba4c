using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;
using Marketplace.Search.Indexing;

namespace Marketplace.Search.Analysis;

/// <summary>
/// One analyzer for every field, chosen by field name: Thai bigrams for the bigram fields; otherwise ICU words,
/// lower-cased and folded to ASCII (café = cafe), with KStem on the English fields. Thai fields are not stemmed
/// because the Latin words in Thai text are mostly names and acronyms.
/// </summary>
public sealed class MarketplaceAnalyzer : Analyzer
{
    // Keeps phrases from matching across two tags or two values of a multi-valued field.
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
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (FieldNames.IsEnglish(fieldName))
        {
            stream = new KStemFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
