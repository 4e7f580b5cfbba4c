using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Indexing;

/// <summary>A word's offsets in its text, and its term when that differs from the text there (null for most words).</summary>
internal readonly record struct CachedToken(string? Term, int Start, int End);

/// <summary>
/// A text analysed once with the unstemmed chain (ICU words, lower-cased, folded) and replayed, stemmed, into every
/// field that indexes it; the unstemmed words' offsets give autocomplete its word starts.
/// ICU segmentation is the most expensive step of indexing, so it runs once per text instead of once per field.
/// </summary>
internal sealed class AnalyzedText
{
    // Each indexing thread collects a text's tokens here and keeps an exact-size copy: garbage was a seventh of indexing.
    [ThreadStatic]
    private static List<CachedToken>? scratch;

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

        var tokens = scratch ??= [];
        tokens.Clear();
        using var stream = analyzer.GetTokenStream(FieldNames.Unstemmed, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // Thai and lower-case ASCII words leave the folding filter as written: their text is their term.
            var (start, end) = (offset.StartOffset, offset.EndOffset);
            var asWritten = term.Buffer.AsSpan(0, term.Length).SequenceEqual(text.AsSpan(start, end - start));
            tokens.Add(new CachedToken(asWritten ? null : term.ToString(), start, end));
        }

        stream.End();
        return new AnalyzedText(text, [.. tokens]);
    }

    /// <summary>A not-stored text field whose tokens are this text's, stemmed, played through the indexing thread's one chain.</summary>
    public Field StemmedField(string name) => new ReplayedField(name, this);

    /// <summary>
    /// Lucene asks a field for its tokens when it indexes that field and reads them all before the next one, so each
    /// indexing thread can play every text through one chain. A new chain per field of every listing cost a fifth of
    /// indexing time in attribute setup (and garbage).
    /// </summary>
    private sealed class ReplayedField(string name, AnalyzedText text) : Field(name, TextField.TYPE_NOT_STORED)
    {
        [ThreadStatic]
        private static StemmedReplay? chain;

        public override TokenStream GetTokenStream(Analyzer analyzer) => (chain ??= new StemmedReplay()).Play(text);
    }

    private sealed class StemmedReplay
    {
        private readonly ReplayTokenStream replay = new();
        private readonly TokenStream stemmed;

        public StemmedReplay() => stemmed = new KStemFilter(new AbbreviationPartsFilter(replay));

        public TokenStream Play(AnalyzedText text)
        {
            replay.Text = text;
            return stemmed;
        }
    }

    /// <summary>Plays back cached tokens: the ones set last, from the start after each reset.</summary>
    private sealed class ReplayTokenStream : TokenStream
    {
        private readonly ICharTermAttribute termAttribute;
        private readonly IOffsetAttribute offsetAttribute;
        private int next;
        private int finalOffset;

        public ReplayTokenStream()
        {
            termAttribute = AddAttribute<ICharTermAttribute>();
            offsetAttribute = AddAttribute<IOffsetAttribute>();
        }

        public AnalyzedText? Text { get; set; }

        public override bool IncrementToken()
        {
            ClearAttributes();
            var tokens = Text!.Tokens;
            if (next >= tokens.Count)
            {
                return false;
            }

            var token = tokens[next++];
            if (token.Term is null)
            {
                termAttribute.SetEmpty().Append(Text.Text, token.Start, token.End - token.Start);
            }
            else
            {
                termAttribute.SetEmpty().Append(token.Term);
            }

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
            finalOffset = 0;
        }
    }
}
