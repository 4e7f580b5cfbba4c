using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Marketplace.Search.Indexing;

/// <summary>Index options for fields that only need part of what a TextField records.</summary>
internal static class FieldTypes
{
    /// <summary>Phrase matching needs positions; length normalisation is meaningless for bigrams.</summary>
    public static readonly FieldType Bigrams = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true });

    /// <summary>Lookup vocabularies (autocomplete keys): which listings have the term, nothing else.</summary>
    public static readonly FieldType Keys = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    /// <summary>
    /// Many terms as one multi-token field value: one field instance per document instead of one per term, which
    /// measured three times cheaper to index than the same terms as separate StringFields.
    /// </summary>
    public static Field KeysField(string name, IEnumerable<string> terms) => new TermsField(name, [.. terms], Keys);

    /// <summary>A StringField that is not stored (one untokenized term), without a new token stream for each.</summary>
    public static Field Keyword(string name, string value) => new TermsField(name, [value], StringField.TYPE_NOT_STORED);

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>
    /// Lucene reads one field's tokens to the end before it asks the next field for its own, so each indexing thread
    /// plays every term list through one stream: a new stream per field (and Lucene's StringField makes one per field
    /// instance) cost a tenth of indexing time in attribute setup, most of it waiting for the attribute factory's lock.
    /// </summary>
    private sealed class TermsField(string name, IReadOnlyList<string> terms, FieldType type) : Field(name, type)
    {
        [ThreadStatic]
        private static TermListStream? stream;

        public override TokenStream GetTokenStream(Analyzer analyzer) => (stream ??= new TermListStream()).Play(terms);
    }

    private sealed class TermListStream : TokenStream
    {
        private readonly ICharTermAttribute termAttribute;
        private IReadOnlyList<string> terms = [];
        private int next;

        public TermListStream()
        {
            termAttribute = AddAttribute<ICharTermAttribute>();
        }

        public TermListStream Play(IReadOnlyList<string> played)
        {
            terms = played;
            return this;
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (next >= terms.Count)
            {
                return false;
            }

            termAttribute.SetEmpty().Append(terms[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
