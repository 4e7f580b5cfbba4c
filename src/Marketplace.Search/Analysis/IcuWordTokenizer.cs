using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Marketplace.Search.Analysis;

/// <summary>
/// Splits text into words with ICU's dictionary-based word breaker, which segments Thai (written without spaces)
/// as well as Latin text. Segments without a letter or digit (spaces, punctuation, emoji) are skipped.
/// </summary>
public sealed class IcuWordTokenizer : Tokenizer
{
    public const string ThaiType = "<THAI>";
    public const string NumberType = "<NUM>";
    public const string WordType = "<ALPHANUM>";

    // Longer runs are noise (pasted hashes, base64) and would bloat the terms dictionary.
    private const int MaxTokenLength = 255;

    private readonly BreakIterator breaker = ThaiAnalysis.NewWordBreaker();
    private readonly ICharTermAttribute termAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly ITypeAttribute typeAttribute;
    private string text = string.Empty;
    private int segmentStart;

    public IcuWordTokenizer(TextReader input)
        : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
        typeAttribute = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        text = m_input.ReadToEnd();
        breaker.SetText(text);
        segmentStart = breaker.First();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        for (var end = breaker.Next(); end != BreakIterator.Done; end = breaker.Next())
        {
            var start = segmentStart;
            segmentStart = end;
            if (!ThaiAnalysis.HasLetterOrDigit(text, start, end))
            {
                continue;
            }

            var length = Math.Min(end - start, MaxTokenLength);
            termAttribute.SetEmpty().Append(text, start, length);
            offsetAttribute.SetOffset(CorrectOffset(start), CorrectOffset(start + length));
            typeAttribute.Type = TypeOf(text.AsSpan(start, length), breaker.RuleStatus);
            return true;
        }

        return false;
    }

    public override void End()
    {
        base.End();
        var finalOffset = CorrectOffset(text.Length);
        offsetAttribute.SetOffset(finalOffset, finalOffset);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            text = string.Empty;
            breaker.SetText(string.Empty);
        }
    }

    private static string TypeOf(ReadOnlySpan<char> word, int ruleStatus)
    {
        if (ThaiAnalysis.ContainsThai(word))
        {
            return ThaiType;
        }

        return ruleStatus is >= BreakIterator.WordNumber and < BreakIterator.WordNumberLimit ? NumberType : WordType;
    }
}
