using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Tests;

/// <summary>The one-pass filter must write exactly what Lucene's lower-casing and ASCII folding write, for every character.</summary>
public sealed class LowerCaseFoldingTests
{
    public static TheoryData<string> Texts => new()
    {
        // Every character from space to the end of Latin Extended-B, each a word of its own.
        string.Join(' ', Enumerable.Range(0x21, 0x24F - 0x20).Select(c => ((char)c).ToString())),
        // Every Thai code point, alone and inside words with Latin letters.
        string.Join(' ', Enumerable.Range(0xE00, 0x80).Select(c => ((char)c).ToString())),
        "ระบบAI ข้อมูลOpenData Café naïve ÆSIR Straße ＡＢＣ ｆｕｌｌ ① ⅻ ﬁnance Ελλάδα Москва ระบบ iPhone PM2.5 COVID-19",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Writes_what_lucenes_lower_case_and_ascii_folding_filters_write(string text)
    {
        var lucene = Terms(text, tokens => new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokens)));
        var ours = Terms(text, tokens => new LowerCaseFoldingFilter(tokens));

        Assert.Equal(lucene, ours);
    }

    private static List<string> Terms(string text, Func<TokenStream, TokenStream> filter)
    {
        var terms = new List<string>();
        using var stream = filter(new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
