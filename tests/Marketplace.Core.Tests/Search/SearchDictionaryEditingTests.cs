using Marketplace.Core.Common;
using Marketplace.Core.Domain.Search;
using Marketplace.Core.Features.Search;
using Marketplace.Core.Tests.Support;
using Marketplace.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Search;

public sealed class SearchDictionaryEditingTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private SearchDictionarySync Sync => app.Services.GetRequiredService<SearchDictionarySync>();

    private async Task<IReadOnlyList<string>> SlugsForAsync(string query) =>
        (await app.SendAsync(new SearchSolutions.Query(new SearchRequest(query, PageSize: 10)))).Items.Select(i => i.Slug).ToList();

    [Fact]
    public async Task A_moderator_adds_a_line_and_searches_use_it_once_synchronised_and_the_edit_is_audited()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        Assert.DoesNotContain("tap-water-safety", await SlugsForAsync("zqvillagetap"));

        var id = await app.SendAsync(new EditSearchDictionary.Save { Kind = DictionaryKind.Glossary, Terms = "zqvillagetap | ประปาหมู่บ้าน" });
        await Sync.RefreshAsync(CancellationToken.None);

        Assert.Contains("tap-water-safety", await SlugsForAsync("zqvillagetap"));
        var stored = await app.QueryDbAsync(db => db.SearchDictionaryEntries.SingleAsync(e => e.Id == id));
        Assert.Equal("zqvillagetap | ประปาหมู่บ้าน", stored.Terms);
        Assert.Contains(await app.AuditRowsAsync(), a => a.EntityType == nameof(SearchDictionaryEntry) && a.SummaryTemplate!.Contains("Audit.Summary.DictionaryLineAdded") && a.SummaryTemplate.Contains("zqvillagetap"));
    }

    [Fact]
    public async Task A_changed_line_replaces_the_old_terms_and_a_removed_line_stops_expanding()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);
        var id = await app.SendAsync(new EditSearchDictionary.Save { Kind = DictionaryKind.Glossary, Terms = "zqwaste | ธนาคารขยะ" });
        await app.SendAsync(new EditSearchDictionary.Save { Id = id, Kind = DictionaryKind.Glossary, Terms = "zqwaste | ถังขยะอัจฉริยะ" });
        await Sync.RefreshAsync(CancellationToken.None);
        Assert.Equal("smart-bin-routing", (await SlugsForAsync("zqwaste")).First());

        await app.SendAsync(new EditSearchDictionary.Remove(id));
        await Sync.RefreshAsync(CancellationToken.None);

        Assert.Empty(await SlugsForAsync("zqwaste"));
        Assert.False(await app.QueryDbAsync(db => db.SearchDictionaryEntries.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task A_vendor_cannot_edit_the_dictionary_and_a_line_needs_two_terms()
    {
        await app.AsUserAsync(DemoAccounts.Vendor);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new EditSearchDictionary.Save { Terms = "a | b" }));

        await app.AsUserAsync(DemoAccounts.Moderator);
        var invalid = await Assert.ThrowsAsync<InvalidRequestException>(() => app.SendAsync(new EditSearchDictionary.Save { Terms = "onlyone" }));
        Assert.Contains(invalid.Errors, e => e.Field == nameof(EditSearchDictionary.Save.Terms));
    }

    [Fact]
    public async Task The_preview_shows_what_an_unsaved_line_would_add_without_saving_it()
    {
        await app.AsUserAsync(DemoAccounts.Moderator);

        var page = await app.SendAsync(new SearchDictionaryPage.Query("zqpreview", DictionaryKind.Glossary, "zqpreview | คุณภาพน้ำ"));

        Assert.Contains("คุณภาพน้ำ", page.Preview!.AlsoSearched);
        Assert.True(page.Preview.Total > 0);
        Assert.False(await app.QueryDbAsync(db => db.SearchDictionaryEntries.AnyAsync(e => e.Terms.Contains("zqpreview"))));
    }
}
