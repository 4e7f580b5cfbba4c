using Marketplace.Core.Data.Seeding;
using Marketplace.Core.Domain;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Organisations;

public sealed class SeedLoaderTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task The_sample_data_holds_the_promised_organisations_provinces_and_demo_accounts()
    {
        var counts = await app.QueryDbAsync(async db => new
        {
            Vendors = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Vendor),
            Agencies = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Agency),
            Provinces = await db.Provinces.CountAsync(),
        });
        Assert.True(counts.Vendors >= 25, $"{counts.Vendors} startups");
        Assert.True(counts.Agencies >= 12, $"{counts.Agencies} agencies");
        Assert.Equal(77, counts.Provinces);
        foreach (var email in new[] { DemoAccounts.Vendor, DemoAccounts.Buyer, DemoAccounts.Moderator, DemoAccounts.Admin })
            await app.AsUserAsync(email);
    }

    [Fact]
    public async Task Loading_again_into_a_database_that_has_data_changes_nothing()
    {
        var before = await app.QueryDbAsync(db => db.Organisations.CountAsync());

        bool second;
        await using (var scope = app.Services.CreateAsyncScope())
            second = await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadSampleDataAsync(SliceFixture.SeedFolder);

        Assert.False(second);
        Assert.Equal(before, await app.QueryDbAsync(db => db.Organisations.CountAsync()));
    }
}
