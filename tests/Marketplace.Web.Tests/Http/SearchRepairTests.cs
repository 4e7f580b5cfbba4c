using System.Net;
using System.Text.Json;
using Marketplace.Web.Tests.Support;

namespace Marketplace.Web.Tests.Http;

/// <summary>An index file damaged while the site runs: searches answer 503 "being repaired", /health says so, then all is back.</summary>
public sealed class SearchRepairTests : IDisposable
{
    private readonly MarketplaceFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<JsonElement> HealthAsync(Visitor visitor) =>
        JsonDocument.Parse((await visitor.GetAsync("/health")).Html).RootElement.Clone();

    [Fact]
    public async Task A_corrupted_index_answers_503_pages_never_500_and_is_rebuilt_with_every_published_listing()
    {
        using var visitor = Visitor.For(_site);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/search?q=data")).Status);
        var folder = Path.Combine(_site.DataFolder, "search-index");
        foreach (var file in Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            var garbage = new byte[stream.Length];
            Array.Fill(garbage, (byte)0xFF);
            await stream.WriteAsync(garbage);
        }

        var (status, html) = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("ข้อมูล") + "&culture=en-US");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Search is being repaired", html);
        var (thaiStatus, thai) = await visitor.GetAsync("/search?q=health&culture=th-TH");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, thaiStatus);
        Assert.Contains("ระบบค้นหากำลังซ่อมแซม", thai);

        JsonElement health;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            health = await HealthAsync(visitor);
            if (health.GetProperty("index").GetProperty("status").GetString() == "Healthy")
                break;
            Assert.NotEqual("Healthy", health.GetProperty("status").GetString());
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var index = health.GetProperty("index");
        Assert.Equal("Healthy", index.GetProperty("status").GetString());
        var published = index.GetProperty("published").GetInt32();
        Assert.True(published >= 70);
        Assert.Equal(published, index.GetProperty("documents").GetInt32());
        var (_, api) = await visitor.GetAsync("/api/solutions?pageSize=1");
        Assert.Equal(published, JsonDocument.Parse(api).RootElement.GetProperty("total").GetInt32());
    }
}
