using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Indexing;

internal readonly record struct CachedToken(string Term, int Start, int End);

/// <summary>
/// A text analysed once with the unstemmed chain (ICU words, lower-cased, folded) and replayed, stemmed, into every
/// field that indexes it; the unstemmed words' offsets give autocomplete its word starts.
/// ICU segmentation is the most expensive step of indexing, so it runs once per text instead of once per field.
/// </summary>
internal sealed class AnalyzedText
{
    private AnalyzedText(string text, IReadOnlyList<CachedToken> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<CachedToken> Tokens { get; }

    public static AnalyzedText? Of(Analyzer analyzer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = new List<CachedToken>();
        using var stream = analyzer.GetTokenStream(FieldNames.Unstemmed, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new CachedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return new AnalyzedText(text, tokens);
    }

    public TokenStream Stemmed() => new KStemFilter(new AbbreviationPartsFilter(new ReplayTokenStream(Tokens)));

    /// <summary>Plays back cached tokens; each field gets its own instance because indexing consumes it.</summary>
    private sealed class ReplayTokenStream : TokenStream
    {
        private readonly IReadOnlyList<CachedToken> tokens;
        private readonly ICharTermAttribute termAttribute;
        private readonly IOffsetAttribute offsetAttribute;
        private int next;
        private int finalOffset;

        public ReplayTokenStream(IReadOnlyList<CachedToken> tokens)
        {
            this.tokens = tokens;
            termAttribute = AddAttribute<ICharTermAttribute>();
            offsetAttribute = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (next >= tokens.Count)
            {
                return false;
            }

            var token = tokens[next++];
            termAttribute.SetEmpty().Append(token.Term);
            offsetAttribute.SetOffset(token.Start, token.End);
            finalOffset = token.End;
            return true;
        }

        public override void End()
        {
            base.End();
            offsetAttribute.SetOffset(finalOffset, finalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
