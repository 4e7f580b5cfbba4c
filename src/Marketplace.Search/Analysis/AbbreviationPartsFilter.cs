using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Marketplace.Search.Analysis;

/// <summary>
/// After a word with dots inside (ICU keeps "รพ.สต" and "พ.ร.บ.คุ้มครอง" whole), also emits its parts of two or more
/// letters, the first at the same position and the rest one after another, so "สต" or "คุ้มครอง" alone find it.
/// Used when indexing only: a query keeps the abbreviation whole and matches the whole token.
/// </summary>
public sealed class AbbreviationPartsFilter : TokenFilter
{
    private readonly ICharTermAttribute termAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private readonly Queue<string> pending = new();
    private State? wholeState;
    private bool firstPart;

    public AbbreviationPartsFilter(TokenStream input)
        : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending.Count > 0)
        {
            RestoreState(wholeState);
            termAttribute.SetEmpty().Append(pending.Dequeue());
            positionAttribute.PositionIncrement = firstPart ? 0 : 1;
            firstPart = false;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (termAttribute.Buffer.AsSpan(0, termAttribute.Length).Contains('.'))
        {
            var term = termAttribute.ToString();
            var parts = term.Split('.', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2).ToList();
            // "pm2.5" has no part worth finding alone; "รพ.สต" has two.
            if (parts.Count > 1 || (parts.Count == 1 && parts[0].Length < term.Length - 1))
            {
                parts.ForEach(pending.Enqueue);
                wholeState = CaptureState();
                firstPart = true;
            }
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending.Clear();
        wholeState = null;
    }
}
