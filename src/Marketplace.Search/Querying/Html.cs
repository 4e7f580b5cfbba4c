using System.Buffers;
using System.Text;
using Lucene.Net.Search.Highlight;

namespace Marketplace.Search.Querying;

/// <summary>
/// Escapes the five characters that matter in HTML text and attributes. Lucene's SimpleHTMLEncoder also turns every
/// non-ASCII character into an entity, which would make Thai snippets unreadable in the page source and in JSON.
/// </summary>
internal sealed class Html : IEncoder
{
    public static readonly Html Encoder = new();

    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"'");

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        return AppendEscaped(new StringBuilder(text.Length + 16), text).ToString();
    }

    /// <summary>Appends a part of a text escaped, without making a string of the part first.</summary>
    public static StringBuilder AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOfAny(Special); at >= 0; at = text.IndexOfAny(Special))
        {
            builder.Append(text[..at]).Append(text[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(at + 1)..];
        }

        return builder.Append(text);
    }

    public string EncodeText(string originalText) => Escape(originalText);
}
