using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Marketplace.Search.Analysis;

namespace Marketplace.Search.Tests;

public sealed class AnalyzerTests
{
    private static readonly MarketplaceAnalyzer Analyzer = new();

    private static List<(string Term, int Start, int End)> Tokens(string field, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = Analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    private static string[] Terms(string field, string text) => Tokens(field, text).Select(t => t.Term).ToArray();

    [Fact]
    public void A_thai_sentence_is_segmented_into_dictionary_words()
    {
        Assert.Equal(["เข้า", "ถึง", "ข้อมูล", "สุขภาพ", "บน", "มือ", "ถือ"], Terms("all", "เข้าถึงข้อมูลสุขภาพบนมือถือ"));
    }

    [Fact]
    public void Offsets_point_at_the_original_characters_of_each_word()
    {
        const string text = "ระบบ ข้อมูลสุขภาพ";
        foreach (var (term, start, end) in Tokens("all", text))
        {
            Assert.Equal(term, text[start..end]);
        }
    }

    [Fact]
    public void Mixed_thai_and_english_keeps_both_lower_cased_and_drops_punctuation_and_emoji()
    {
        Assert.Equal(["ระบบ", "ai", "สำหรับ", "โรงเรียน", "cafe"], Terms("all", "ระบบ AI สำหรับโรงเรียน 😀 (Café)!"));
    }

    [Fact]
    public void Numbers_stay_whole_including_thai_digits_and_decimals()
    {
        Assert.Equal(["ฝุ่น", "pm2.5", "ปี", "2567", "๒๕๖๗"], Terms("all", "ฝุ่น PM2.5 ปี 2567 ๒๕๖๗"));
    }

    [Fact]
    public void English_words_are_stemmed_and_thai_words_left_as_they_are()
    {
        Assert.Equal(["monitor", "water", "quality", "ข้อมูล", "สุขภาพ"], Terms("all", "Monitoring water quality ข้อมูลสุขภาพ"));
    }

    [Fact]
    public void The_unstemmed_chain_keeps_words_as_written_for_autocomplete_and_typo_checks()
    {
        Assert.Equal(["monitoring", "cafes"], Terms("unstemmed", "Monitoring Cafés"));
    }

    [Fact]
    public void The_bigram_field_emits_overlapping_pairs_within_each_thai_run_only()
    {
        Assert.Equal(["ข้", "้อ", "อม", "มู", "ูล", "ณ"], Terms("bigrams", "ข้อมูล AI ณ"));
    }

    [Fact]
    public void Bigram_offsets_cover_two_characters_of_the_original()
    {
        const string text = "ab ดินถล่ม";
        Assert.All(Tokens("bigrams", text), t => Assert.Equal(t.Term, text[t.Start..t.End]));
    }
}
