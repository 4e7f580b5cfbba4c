using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// Walks the whole site as a visitor and as each demo role, in Thai and in English, following the links people can
/// follow, and reads every page: it must be in the chosen language and show no resource key in place of text. The
/// walk must reach every Razor page except the few that only answer a form post, a token or a file download.
/// </summary>
public sealed partial class LocalisationTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private static readonly string?[] Accounts =
    [
        null, "vendor@demo.govtech.example", "buyer@demo.govtech.example", "moderator@demo.govtech.example", "admin@demo.govtech.example",
    ];

    /// <summary>Pages a link-following walk cannot open: files, a payment provider's hand-off, sign-out, a second sign-in step.</summary>
    private static readonly string[] NotWalked =
    [
        "/Challenges/Document", "/Procurement/Document", "/Catalogue/Logo", "/Procurement/SimulatedCheckout",
        "/Account/Logout", "/Account/LoginTwoFactor", "/Account/Closed",
    ];

    [Theory]
    [InlineData("th-TH", "th")]
    [InlineData("en-US", "en")]
    public async Task Every_page_renders_in_the_chosen_language_with_no_resource_key_shown(string culture, string lang)
    {
        using var client = factory.CreateClient();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.DisplayName?.StartsWith('/') == true)
            .Select(e => new PageRoute(e.DisplayName!, Pattern(e.RoutePattern.RawText ?? ""), e.RoutePattern.Parameters.Count == 0 ? "/" + e.RoutePattern.RawText : null))
            .ToList();
        var keys = ResourceKeys();
        var reached = new HashSet<string>();
        var problems = new List<string>();

        foreach (var account in Accounts)
        {
            using var visitor = Visitor.For(factory);
            if (account is not null)
                await visitor.SignInAsync(account);
            (await visitor.Http.PostAsync($"/language?culture={culture}&returnUrl=%2F", null)).Dispose();

            var visits = new Dictionary<string, int>();
            var queue = new Queue<string>(pages.Where(p => p.Plain is not null && !p.Page.Contains("Logout")).Select(p => p.Plain!).Append("/status/404"));
            var seen = new HashSet<string>();
            while (queue.TryDequeue(out var url) && seen.Count < 400)
            {
                if (!seen.Add(url))
                    continue;
                var page = pages.FirstOrDefault(p => p.Matches(url.Split('?')[0]));
                using var response = await visitor.Http.GetAsync(url);
                if (page is null || response.Content.Headers.ContentType?.MediaType != "text/html")
                    continue;
                reached.Add(page.Page);
                var html = await response.Content.ReadAsStringAsync();
                var who = account ?? "visitor";
                if (!html.Contains($"<html lang=\"{lang}\"", StringComparison.Ordinal))
                    problems.Add($"{who} {url}: not in {culture}");
                foreach (var key in KeyLike().Matches(html).Select(m => m.Value).Where(k => keys.Contains(k) || KeyPrefix().IsMatch(k)).Distinct())
                    problems.Add($"{who} {url}: shows the key {key}");
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                    problems.Add($"{who} {url}: 500");

                foreach (Match link in Href().Matches(html))
                {
                    var target = WebUtility.HtmlDecode(link.Groups[1].Value);
                    var linked = pages.FirstOrDefault(p => p.Matches(target.Split('?')[0]));
                    // Two addresses per page and role are enough to reach its states without walking every listing.
                    if (linked is not null && !target.Contains("logout") && visits.GetValueOrDefault(linked.Page) < 2)
                    {
                        visits[linked.Page] = visits.GetValueOrDefault(linked.Page) + 1;
                        queue.Enqueue(target);
                    }
                }
            }
        }

        Assert.Empty(problems);
        Assert.Empty(pages.Select(p => p.Page).Distinct().Except(reached).Except(NotWalked));
    }

    [Theory]
    [InlineData("th-TH", "ระยะเวลาดำเนินงาน (วัน)")]
    [InlineData("en-US", "Timeline (days)")]
    public async Task A_number_field_given_1e9_says_so_by_the_field_label_in_the_page_language(string culture, string label)
    {
        using var vendor = Visitor.For(factory);
        await vendor.SignInAsync("vendor@demo.govtech.example");
        (await vendor.Http.PostAsync($"/language?culture={culture}&returnUrl=%2F", null)).Dispose();
        const string url = "/challenges/dga-single-form-permits/proposal";

        using var response = await vendor.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Approach"] = "แนวทางทดสอบ",
            ["Input.PriceBaht"] = "100000",
            ["Input.TimelineDays"] = "1e9",
        }, $"{url}?handler=Send");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"'1e9'", html);
        Assert.Contains(label, html[html.IndexOf("'1e9'", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("is not valid for TimelineDays", html);
    }

    private static HashSet<string> ResourceKeys() =>
        XDocument.Load(Path.Combine(MarketplaceFactory.RepositoryRoot, "src", "Marketplace.Core", "Localisation", "SharedText.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    /// <summary>The route template as a regular expression: parameters match one segment (digits when :int), optional ones may be absent.</summary>
    private static Regex Pattern(string template)
    {
        var regex = Regex.Replace(Regex.Escape("/" + template.TrimStart('/')).Replace(@"\{", "{"), @"/\{([^}]+)\}", m =>
        {
            var spec = m.Groups[1].Value;
            var optional = spec.EndsWith('?');
            var inner = spec.Contains(":int") ? @"\d+" : spec.Contains(":regex(") ? Regex.Match(spec, @"regex\(\^?\(?(.*?)\)?\$?\)").Groups[1].Value.Replace(@"\", "") : "[^/]+";
            return optional ? $"(/({inner}))?" : $"/({inner})";
        });
        return new Regex("^" + regex.Replace("//", "/") + "/?$", RegexOptions.IgnoreCase);
    }

    private sealed record PageRoute(string Page, Regex Template, string? Plain)
    {
        public bool Matches(string path) => Template.IsMatch(path);
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();

    /// <summary>The first segments of the converter's keys (scripts/localise.py), so a key missing from the files is caught too.</summary>
    [GeneratedRegex(@"^(Pages|Domain|Features|Api|Infrastructure|Documents|Payments|Common|Behaviours|Data|TagHelpers)\.[A-Z]")]
    private static partial Regex KeyPrefix();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+){2,}")]
    private static partial Regex KeyLike();
}
