using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Marketplace.Search.Analysis;

/// <summary>
/// Lucene's LowerCaseFilter followed by its ASCIIFoldingFilter, with the same output, but a word of lower-case ASCII
/// or Thai letters — nearly every word here — passes untouched. Both Lucene filters look up every character of such
/// a word (lower-casing through the culture tables, folding through a switch of thousands of cases) only to leave it
/// as it was: a quarter of indexing time for a Thai catalogue. Thai letters have no case and no ASCII form.
/// </summary>
public sealed class LowerCaseFoldingFilter : TokenFilter
{
    private static readonly CharacterUtils Characters = CharacterUtils.GetInstance(LuceneVersion.LUCENE_48);
    private readonly ICharTermAttribute termAttribute;
    private char[] folded = new char[64];

    public LowerCaseFoldingFilter(TokenStream input)
        : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = termAttribute.Buffer;
        var length = termAttribute.Length;
        if (IsLowerAsciiOrThai(buffer.AsSpan(0, length)))
        {
            return true;
        }

        Characters.ToLower(buffer, 0, length);
        if (buffer.AsSpan(0, length).ContainsAnyInRange('\u0080', '\uffff'))
        {
            if (folded.Length < 4 * length)
            {
                folded = new char[ArrayUtil.Oversize(4 * length, sizeof(char))];
            }

            var foldedLength = ASCIIFoldingFilter.FoldToASCII(buffer, 0, folded, 0, length);
            termAttribute.CopyBuffer(folded, 0, foldedLength);
        }

        return true;
    }

    private static bool IsLowerAsciiOrThai(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is (>= 'A' and <= 'Z') or (>= '\u0080' and < '\u0e00') or > '\u0e7f')
            {
                return false;
            }
        }

        return true;
    }
}
