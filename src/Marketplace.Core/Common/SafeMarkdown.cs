using System.Collections.Concurrent;
using Ganss.Xss;
using Markdig;

namespace Marketplace.Core.Common;

/// <summary>
/// Vendors write descriptions in Markdown. Raw HTML in it is shown as text, and the rendered HTML passes
/// through an allow-list sanitiser, so no script, event handler or javascript: link ever reaches a page.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Pages show the same descriptions again and again (a signed-in reader's page is rendered each time), and the HTML is
    // a function of the text alone: it is kept by the text itself, so an edited description can never meet old HTML.
    // Bounded by characters held; when full it starts afresh (the busy pages come back at once).
    private static readonly ConcurrentDictionary<string, string> Rendered = new(StringComparer.Ordinal);
    private static long _renderedChars;
    private const long RenderedCharsLimit = 4_000_000;

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        if (Rendered.TryGetValue(markdown, out var known))
            return known;
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        if (Interlocked.Add(ref _renderedChars, markdown.Length + html.Length) > RenderedCharsLimit)
        {
            Rendered.Clear();
            Interlocked.Exchange(ref _renderedChars, markdown.Length + html.Length);
        }
        Rendered.TryAdd(markdown, html);
        return html;
    }

    // Markdig's own ToPlainText builds a renderer (some twenty object renderers) for every call: that was half of what
    // turning a listing into a search document cost in an index rebuild. Each thread keeps one instead.
    [ThreadStatic]
    private static PlainTextRenderer? t_plainText;

    /// <summary>The text without Markdown syntax, for snippets and the search index.</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        var document = Markdown.Parse(markdown, Pipeline);
        // Taken out while in use: a render that throws is not put back half-way through.
        var renderer = t_plainText ?? new PlainTextRenderer();
        t_plainText = null;
        var text = renderer.Render(document);
        t_plainText = renderer;
        return text;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
                link.SetAttribute("rel", "nofollow noopener ugc");
        };
        return sanitizer;
    }

    /// <summary>
    /// What Markdig's ToPlainText renders with (an HTML renderer with HTML off), kept for reuse. A render leaves the
    /// renderer as it found it except for whether the last write ended a line, which can only add a leading line break:
    /// the result is trimmed.
    /// </summary>
    private sealed class PlainTextRenderer
    {
        private readonly StringWriter _writer = new(System.Globalization.CultureInfo.InvariantCulture);
        private readonly Markdig.Renderers.HtmlRenderer _renderer;

        public PlainTextRenderer()
        {
            _renderer = new Markdig.Renderers.HtmlRenderer(_writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            Pipeline.Setup(_renderer);
        }

        public string Render(Markdig.Syntax.MarkdownDocument document)
        {
            var text = _writer.GetStringBuilder().Clear();
            _renderer.Render(document);
            _writer.Flush();
            return text.ToString().Trim();
        }
    }
}
