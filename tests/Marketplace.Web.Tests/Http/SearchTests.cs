using System.Net;
using System.Text.Json;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

public sealed class SearchTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        var (status, body) = await visitor.GetAsync(url);
        return (status, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task The_api_finds_a_Thai_word_inside_sentences_with_the_documented_shape()
    {
        var (status, json) = await GetJsonAsync("/api/solutions?q=" + Uri.EscapeDataString("ข้อมูลสุขภาพ") + "&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json.GetProperty("total").GetInt32() > 0);
        Assert.Equal(5, json.GetProperty("pageSize").GetInt32());
        var first = json.GetProperty("items")[0];
        foreach (var property in new[] { "id", "slug", "url", "title", "summary", "vendor", "sector", "categories", "provinces", "highlight" })
            Assert.True(first.TryGetProperty(property, out _), $"missing {property}");
        Assert.EndsWith("/solutions/" + first.GetProperty("slug").GetString(), first.GetProperty("url").GetString());
        Assert.Contains("<mark>", first.GetProperty("highlight").GetProperty("title").GetString() + first.GetProperty("highlight").GetProperty("snippet").GetString());
        foreach (var facet in new[] { "sector", "category", "province", "maturity", "pricing", "certified" })
            Assert.True(json.GetProperty("facets").TryGetProperty(facet, out _), $"missing facet {facet}");
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_every_item_matches_them()
    {
        var (_, json) = await GetJsonAsync("/api/solutions?sector=EdTech&category=2&pageSize=100");

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(json.GetProperty("total").GetInt32(), items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("EdTech", i.GetProperty("sector").GetString());
            Assert.Contains(2, i.GetProperty("categories").EnumerateArray().Select(c => c.GetInt32()));
        });
    }

    [Theory]
    [InlineData("sector=SpaceTech", "sector")]
    [InlineData("category=9", "category")]
    [InlineData("province=TH-99", "province")]
    [InlineData("maturity=Ancient", "maturity")]
    [InlineData("pricing=Barter", "pricing")]
    [InlineData("sort=Random", "sort")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Unknown_values_and_oversized_pages_get_400_with_a_problem_description(string query, string parameter)
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync("/api/solutions?" + query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND")]
    [InlineData("(((")]
    [InlineData("title:* OR NOT")]
    [InlineData("🚰💧 น้ำ")]
    public async Task Hostile_queries_answer_normally(string query)
    {
        var (status, json) = await GetJsonAsync("/api/solutions?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(json.GetProperty("total").GetInt32() >= 0);
    }

    [Fact]
    public async Task A_misspelt_English_word_still_finds_listings()
    {
        var (_, json) = await GetJsonAsync("/api/solutions?q=transparancy");
        Assert.True(json.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task The_search_page_shows_highlighted_results_facets_and_keeps_the_query_in_links()
    {
        using var visitor = Visitor.For(factory);
        var (status, html) = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("คุณภาพน้ำ"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<mark>", html);
        Assert.Contains("data-testid=\"facet-sector\"", html);
        Assert.Contains("href=\"/search?q=%E0%B8%84%E0%B8%B8%E0%B8%93%E0%B8%A0%E0%B8%B2%E0%B8%9E%E0%B8%99%E0%B9%89%E0%B8%B3&amp;sector=", html);
    }

    [Fact]
    public async Task A_facet_link_changes_its_own_filter_keeps_the_others_in_order_and_restarts_paging()
    {
        using var visitor = Visitor.For(factory);
        var (status, html) = await visitor.GetAsync("/search?sort=newest&q=water+%26+air&province=TH-10&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        // Choosing a sector adds it between the query and the province; the selected province's link removes it.
        Assert.Matches("href=\"/search\\?q=water%20%26%20air&amp;sector=[A-Za-z]+&amp;province=TH-10&amp;sort=newest\"", html);
        Assert.Contains("href=\"/search?q=water%20%26%20air&amp;sort=newest\"", html);
        Assert.DoesNotContain("page=", html.Split("data-testid=\"facet-sector\"")[1].Split("</ul>")[0]);
    }

    [Fact]
    public async Task Browsing_by_category_is_a_filtered_search_and_a_bad_filter_is_a_400_page()
    {
        using var visitor = Visitor.For(factory);
        var (status, html) = await visitor.GetAsync("/solutions?category=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("aria-current=\"true\"", html);

        var (badStatus, badHtml) = await visitor.GetAsync("/solutions?category=42");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("data-testid=\"error-summary\"", badHtml);
    }

    [Fact]
    public async Task Suggestions_complete_a_Thai_prefix()
    {
        using var visitor = Visitor.For(factory);
        var (_, body) = await visitor.GetAsync("/api/suggest?q=" + Uri.EscapeDataString("ข้อมู"));
        var suggestions = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Contains("ข้อมู", s));
    }

    [Fact]
    public async Task Health_reports_the_index_documents_and_lag()
    {
        var (_, json) = await GetJsonAsync("/health");
        var index = json.GetProperty("index");
        Assert.Equal("Healthy", index.GetProperty("status").GetString());
        Assert.True(index.GetProperty("documents").GetInt32() >= 70);
        Assert.Equal(index.GetProperty("published").GetInt32(), index.GetProperty("documents").GetInt32());
        Assert.Equal(0, index.GetProperty("lag").GetInt64());
    }
}
