using Markdig;
using Marketplace.Core.Common;
using Marketplace.Core.Domain.Catalogue;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class SafeMarkdownAndLogoTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    public void Hostile_markdown_comes_out_inert(string markdown)
    {
        var html = SafeMarkdown.ToHtml("## หัวข้อ\n\n" + markdown);

        // Raw HTML may survive as escaped text (&lt;script&gt;), which is inert; no real tag may carry it.
        Assert.DoesNotMatch("(?i)<script", html);
        Assert.DoesNotMatch("(?i)<img", html);
        Assert.DoesNotMatch("(?i)<[^>]*\\son\\w+=", html);
        Assert.DoesNotMatch("(?i)<[^>]*href=\"\\s*javascript:", html);
        Assert.Contains("<h2", html);
    }

    [Fact]
    public void A_description_shown_again_comes_from_memory_and_an_edited_one_is_rendered_afresh()
    {
        var text = "**ข้อมูลสุขภาพ** " + Guid.NewGuid();

        var first = SafeMarkdown.ToHtml(text);
        var edited = SafeMarkdown.ToHtml(text + " *ฉบับแก้ไข*");

        Assert.Same(first, SafeMarkdown.ToHtml(text));
        Assert.DoesNotContain("<em>", first);
        Assert.Contains("<em>ฉบับแก้ไข</em>", edited);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_links_get_nofollow()
    {
        var html = SafeMarkdown.ToHtml("**ข้อมูลสุขภาพ**\n\n- หนึ่ง\n- สอง\n\n[เว็บ](https://example.com)");

        Assert.Contains("<strong>ข้อมูลสุขภาพ</strong>", html);
        Assert.Contains("<li>หนึ่ง</li>", html);
        Assert.Contains("href=\"https://example.com\"", html);
        Assert.Contains("rel=\"nofollow noopener ugc\"", html);
    }

    [Fact]
    public void Plain_text_from_the_reused_renderer_is_what_Markdig_gives_for_each_text_in_any_order()
    {
        // The pipeline SafeMarkdown parses with; Markdig's ToPlainText builds a fresh renderer for every call.
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().UsePipeTables().Build();
        string[] texts =
        [
            "## หัวข้อ\n\n**ข้อมูลสุขภาพ** บน *มือถือ*\n\n- หนึ่ง\n- สอง\n  - สองย่อย\n\n1. ก\n2. ข",
            "> อ้างอิง\n> สองบรรทัด\n\n```\ncode block\n```\n\n    indented code",
            "| ชื่อ | ราคา |\n| --- | ---: |\n| แพ็กเกจ | 1,000 |\n\nhttps://example.com and [a link](https://example.org)",
            "<b>raw html</b> & ~~struck~~ ^sup^ line one  \nline two\n\n---\n\nend",
            "plain",
        ];

        foreach (var text in texts.Concat(texts.Reverse()).Concat(texts))
            Assert.Equal(Markdown.ToPlainText(text, pipeline).Trim(), SafeMarkdown.ToPlainText(text));
        Assert.Equal("", SafeMarkdown.ToPlainText("  \n"));
    }

    [Fact]
    public void A_logo_that_is_too_large_is_reported_at_its_real_size()
    {
        using var _ = new Support.EnglishCulture();
        Assert.Contains("(this file is 5.0 MB)", ListingLogo.TooLarge(5L * 1024 * 1024));
    }

    [Fact]
    public void A_logo_is_recognised_by_its_content_not_its_name()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0];
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 "u8.ToArray();
        byte[] gif = "GIF89a...."u8.ToArray();

        Assert.Equal("image/png", ListingLogo.Inspect(png).ContentType);
        Assert.Equal("image/jpeg", ListingLogo.Inspect(jpeg).ContentType);
        Assert.Equal("image/webp", ListingLogo.Inspect(webp).ContentType);
        using var _ = new Support.EnglishCulture();
        Assert.Contains("PNG, JPEG or WebP", ListingLogo.Inspect(gif).Problem);
        Assert.Contains("1 MB", ListingLogo.Inspect(new byte[ListingLogo.MaxBytes + 1]).Problem);
    }

    [Theory]
    [InlineData("45000", 4_500_000L)]
    [InlineData("45,000.50", 4_500_050L)]
    [InlineData("฿1,200", 120_000L)]
    [InlineData("12.345", null)]
    [InlineData("-5", null)]
    [InlineData("abc", null)]
    public void Baht_amounts_become_integer_satang(string text, long? satang) => Assert.Equal(satang, Money.ParseBaht(text));
}
