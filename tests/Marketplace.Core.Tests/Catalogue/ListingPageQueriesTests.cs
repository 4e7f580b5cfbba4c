using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Procurement;
using Marketplace.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>What a listing page costs the database for a reader who is not signed in: one round trip for the listing and one for its buying panel.</summary>
public sealed class ListingPageQueriesTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task A_listing_page_reads_the_listing_with_its_logo_in_one_query_and_the_buying_panel_in_another()
    {
        app.AsAnonymous();
        // The provinces and categories come from memory once loaded (ReferenceData).
        await app.Services.GetRequiredService<ReferenceData>().GetAsync(CancellationToken.None);
        using var commands = await DatabaseCommands.ListenAsync(app);

        var listing = await app.SendAsync(new ListingDetails.Query("school-bus-safety"));
        Assert.Single(commands.Sql);
        var options = await app.SendAsync(new BuyOptions.Query(listing.Id));
        Assert.Equal(2, commands.Sql.Count);

        Assert.Equal("school-bus-safety", listing.Slug);
        Assert.NotEmpty(listing.Vendor.NameTh);
        Assert.Equal((false, 0, 0), (options.CanBuy, options.AgenciesBought, options.AgenciesBoughtAgain));
    }
}
