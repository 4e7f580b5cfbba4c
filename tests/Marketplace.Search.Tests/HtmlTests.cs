using System.Text;
using Marketplace.Search.Querying;

namespace Marketplace.Search.Tests;

/// <summary>Snippets and titles are emitted as HTML: every one of the five special characters is escaped wherever it stands.</summary>
public sealed class HtmlTests
{
    [Theory]
    [InlineData("ข้อมูล", "ข้อมูล")]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("a&b", "a&amp;b")]
    [InlineData("\"'", "&quot;&#39;")]
    [InlineData("ระบบ <script>alert('x')</script>", "ระบบ &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    public void Special_characters_are_escaped_and_the_rest_is_kept(string text, string html)
    {
        Assert.Equal(html, Html.Escape(text));
        Assert.Equal("[" + html + "]", Html.AppendEscaped(new StringBuilder("["), text).Append(']').ToString());
    }

    [Fact]
    public void A_part_of_a_text_is_escaped_without_the_rest()
    {
        var text = "<a>ข้อมูล&สุขภาพ</a>";

        Assert.Equal("ข้อมูล&amp;สุขภาพ", Html.AppendEscaped(new StringBuilder(), text.AsSpan(3, 13)).ToString());
    }
}
