using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Marketplace.Search.Analysis;

/// <summary>
/// Emits overlapping two-character tokens inside each run of Thai letters (a one-letter run becomes one token).
/// A phrase of these bigrams matches a Thai substring however ICU happened to segment the text around it, which
/// rescues queries that are segmented differently from the document.
/// </summary>
public sealed class ThaiBigramTokenizer : Tokenizer
{
    // A position gap between runs stops a bigram phrase from matching across a space or a Latin word.
    private const int RunGap = 2;

    private readonly ICharTermAttribute termAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private string text = string.Empty;
    private int position;
    private int runEnd;
    private bool firstRun;

    public ThaiBigramTokenizer(TextReader input)
        : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        text = m_input.ReadToEnd();
        position = 0;
        runEnd = 0;
        firstRun = true;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var increment = 1;
        if (position + 2 > runEnd)
        {
            if (!NextRun())
            {
                return false;
            }

            increment = firstRun ? 1 : RunGap;
            firstRun = false;
        }

        // Only a one-letter run gives a one-character token; it then ends its run at once.
        var length = Math.Min(2, runEnd - position);
        termAttribute.SetEmpty().Append(text, position, length);
        offsetAttribute.SetOffset(CorrectOffset(position), CorrectOffset(position + length));
        positionAttribute.PositionIncrement = increment;
        position = length == 1 ? runEnd : position + 1;
        return true;
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
        }
    }

    private bool NextRun()
    {
        var start = runEnd;
        while (start < text.Length && !ThaiAnalysis.IsThaiLetter(text[start]))
        {
            start++;
        }

        if (start >= text.Length)
        {
            return false;
        }

        var end = start + 1;
        while (end < text.Length && ThaiAnalysis.IsThaiLetter(text[end]))
        {
            end++;
        }

        position = start;
        runEnd = end;
        return true;
    }
}
