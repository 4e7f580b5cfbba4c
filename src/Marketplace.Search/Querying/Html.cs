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

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    public string EncodeText(string originalText) => Escape(originalText);
}
