using System.Text;
using static Marketplace.Search.Tests.Listings;

namespace Marketplace.Search.Tests;

/// <summary>Whatever a person (or a bot) types, search and autocomplete answer instead of throwing.</summary>
public sealed class HostileInputTests
{
    private static readonly string[] Hostile =
    [
        "", " ", "\"", "\"\"", "\"\"\"", "\"ข้อมูล", "ข้อมูล\"", "AND", "OR", "NOT", "AND OR NOT", "a AND", "NOT NOT",
        "*", "?", "**", "*:*", ":", "title_th:ข้อมูล", "id:1", "(", ")", "((((", "[1 TO 5]", "{a TO b}", "~", "~2",
        "ข้อมูล~", "^", "^10", "a^b", "\\", "\\\\", "/regex/", "/", "+-", "-", "+", "!", "&&", "||", "a && || b",
        "%", "'", "' OR 1=1 --", "<script>alert(1)</script>", "&amp;", "\0", "\u0001\u0002", "\t\r\n", "\uD800",
        "\uDC00abc", "a\uD83D", "😀", "😀😀 ข้อมูล 🚀", "👩‍👩‍👧‍👦", "\u200B", "\u200Bข้อมูล\u200B", "\u0E31\u0E34\u0E48",
        "ๆๆๆ", "฿", "๑๒๓", "ฯลฯ", "ก" + new string('\u0E48', 50), "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ａ Ｂ Ｃ", "İı", "ß", "ǅ",
        new string('a', 2000), new string('ก', 2000), string.Concat(Enumerable.Repeat("ข้อมูล ", 400)),
        string.Concat(Enumerable.Repeat("\"", 2000)), string.Concat(Enumerable.Repeat("a b ", 500)),
        string.Concat(Enumerable.Repeat("transparancy ", 100)), "qwrtpsdfghjklzxcvbnm", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];

    private static SolutionIndex Catalogue() => IndexOf(
        Listing(1, "ระบบข้อมูลสุขภาพ", titleEn: "Health data", tags: ["ข้อมูลเปิด", "AND", "*"]),
        Listing(2, "โปร่งใส ตรวจสอบได้", titleEn: "Transparency portal <b>"),
        Listing(3, "แอป \"คิว\" โรงพยาบาล", titleEn: "Hospital queue: NOT late"));

    [Fact]
    public void Known_troublemakers_get_an_answer_from_search_and_autocomplete()
    {
        using var index = Catalogue();

        foreach (var input in Hostile)
        {
            var result = index.Search(new SearchRequest(input));
            Assert.InRange(result.Total, 0, 3);
            _ = index.Suggest(input);
        }
    }

    [Fact]
    public void Thousands_of_random_strings_never_make_search_or_autocomplete_throw()
    {
        using var index = Catalogue();
        var random = new Random(4);
        for (var i = 0; i < 4000; i++)
        {
            var input = RandomInput(random);
            var request = new SearchRequest(input, Sort: (SearchSort)(i % 3), Page: random.Next(-2, 4), PageSize: random.Next(-5, 200));

            var result = index.Search(request);

            Assert.All(result.Hits, h => Assert.DoesNotContain("<b>", h.TitleHtml + h.TitleEnHtml + h.SnippetHtml));
            Assert.True(index.Suggest(input, random.Next(-1, 20)).Count <= 20);
        }
    }

    private static readonly string Alphabet =
        "abcxyzAND OR NOT and or not\"'()[]{}<>:*?~^\\/+-!&|%;=,.#@ \t\n\r\0" +
        "กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาำิีึืุูเแโใไ่้๊๋็์ๆฯ๑๒๓" + "ข้อมูลสุขภาพโปร่งใส" + "😀🚀👩‍👧\u200B\u200D\uFEFF";

    private static string RandomInput(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(200, 2100) : random.Next(0, 40);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(25) switch
            {
                0 => (char)random.Next(0, 0x10000),
                1 => " AND ",
                2 => "\"",
                3 => "transparancy",
                _ => Alphabet[random.Next(Alphabet.Length)],
            });
        }

        return builder.ToString();
    }
}
