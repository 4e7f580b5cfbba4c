using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marketplace.Core.Common;

namespace Marketplace.Core.Tests.Localisation;

/// <summary>
/// Every interface text exists in every language: a key added to one resource file and not the other, an empty
/// value, or a translation that drops or invents a {0} placeholder fails here, before anyone reads a raw key.
/// </summary>
public sealed partial class ResourceParityTests
{
    /// <summary>The site's languages; adding one means adding its SharedText.&lt;culture&gt;.resx and its name here.</summary>
    public static readonly string[] Cultures = ["th-TH", "en-US"];

    private static string ResourceFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                dir = dir.Parent;
            return Path.Combine(dir!.FullName, "src", "Marketplace.Core", "Localisation");
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Every_key_has_a_non_empty_value_in_every_language_with_placeholders_the_code_fills()
    {
        var thai = Read("SharedText.resx");
        var english = Read("SharedText.en-US.resx");
        Assert.True(thai.Count > 1000, $"only {thai.Count} keys: is the resource file in place?");

        Assert.Empty(thai.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(thai.Keys));
        Assert.Empty(thai.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "th-TH " + e.Key));
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en-US " + e.Key));
        // A language may leave out an argument (Thai names the organisation by its Thai name, English by its English
        // one), but together they use every argument the code passes, and none the code does not pass.
        var invented = thai.Keys.Where(k =>
        {
            var used = Placeholders(thai[k]).Union(Placeholders(english[k])).Select(int.Parse).ToList();
            return used.Count > 0 && used.Max() != used.Count - 1;
        }).ToList();
        Assert.Empty(invented);
    }

    [Fact]
    public void The_built_resources_answer_every_key_in_every_culture_and_format_without_error()
    {
        foreach (var culture in Cultures.Select(CultureInfo.GetCultureInfo))
        {
            foreach (var (key, neutral) in Read("SharedText.resx"))
            {
                var value = Texts.Resources.GetString(key, culture);
                Assert.False(string.IsNullOrWhiteSpace(value), $"{culture} {key}");
                var count = Placeholders(neutral).Count;
                if (count > 0)
                    _ = string.Format(culture, value!, Enumerable.Range(0, count + 1).Select(i => (object)i).ToArray());
            }
        }
    }

    [Fact]
    public void English_comes_from_the_English_file_and_Thai_is_the_default()
    {
        const string key = "Domain.Organisation.ThisOrganisationIsAlreadyVerified";
        Assert.Equal("This organisation is already verified", Texts.In(CultureInfo.GetCultureInfo("en-US"), key));
        Assert.Equal("องค์กรนี้ได้รับการยืนยันแล้ว", Texts.In(CultureInfo.GetCultureInfo("th-TH"), key));
        Assert.Equal("องค์กรนี้ได้รับการยืนยันแล้ว", Texts.In(CultureInfo.InvariantCulture, key));
    }

    private static HashSet<string> Placeholders(string format) =>
        Placeholder().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
