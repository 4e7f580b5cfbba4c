using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Transparency;

/// <summary>The mapping to OCDS on the seed data; schema validation of the JSON is in Marketplace.Web.Tests.</summary>
public sealed class OcdsReleasePackageTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private Task<(OcdsPackage Package, List<OcdsRelease> Releases)> PackageAsync() => OcdsPackages.ReadAsync(app);

    [Fact]
    public async Task Each_public_challenge_has_a_tender_release_and_each_awarded_one_an_award_release()
    {
        var (package, releases) = await PackageAsync();

        Assert.Equal("1.1", package.Version);
        Assert.Equal("https://marketplace.example/api/ocds/releases", package.Uri);
        Assert.Equal(12, releases.Count(r => r.Tag.SequenceEqual(["tender"])));
        // Each award release carries its winners' contracts (every seeded award has one winner).
        Assert.Equal(4, releases.Count(r => r.Tag.SequenceEqual(["award", "contract"]) && r.Contracts is { Count: 1 }));
        // Plus one contract release per paid sample order (completed, in delivery, paid by PO, refunded).
        Assert.Equal(4, releases.Count(r => r.Tag.SequenceEqual(["award", "contract", "implementation"]) && r.Contracts is { Count: 1 }));
        Assert.Equal(20, releases.Count);
        Assert.Equal(releases.Count, releases.Select(r => r.Id).Distinct().Count());
        Assert.DoesNotContain(releases, r => r.Tender.Id is "dga-digital-id-kiosk" or "dla-local-tax-maps");
        Assert.All(releases, r => Assert.StartsWith(OcdsIdentifiers.Prefix + "-", r.Ocid));
        Assert.Equal(releases.Max(r => r.Date), package.PublishedDate);
    }

    [Fact]
    public async Task A_tender_release_describes_the_challenge_as_published_with_budget_in_baht()
    {
        var tender = (await PackageAsync()).Releases.Single(r => r.Tender.Id == "pcd-pm25-sensors" && r.Tag[0] == "tender");

        Assert.Equal(app.Clock.Now.AddDays(-150), tender.Date);
        Assert.Equal("active", tender.Tender.Status);
        Assert.Equal("THB", tender.Tender.Value!.Currency);
        Assert.True(tender.Tender.MinValue!.Amount <= tender.Tender.Value.Amount);
        Assert.Equal(new OcdsPeriod(app.Clock.Now.AddDays(-150), app.Clock.Now.AddDays(-110)), tender.Tender.TenderPeriod);
        Assert.Null(tender.Tender.NumberOfTenderers);
        Assert.Null(tender.Awards);
        var buyer = Assert.Single(tender.Parties);
        Assert.Equal(["buyer", "procuringEntity"], buyer.Roles);
        Assert.Equal(buyer.Id, tender.Buyer.Id);
        Assert.Equal("กรมควบคุมมลพิษ", buyer.Name);
        Assert.Equal("Pollution Control Department", buyer.NameEn);
    }

    [Fact]
    public async Task An_award_release_names_the_supplier_the_value_and_how_many_competed()
    {
        var award = (await PackageAsync()).Releases.Single(r => r.Tender.Id == "nhso-mobile-claims" && r.Tag[0] == "award");

        Assert.Equal(app.Clock.Now.AddDays(-130), award.Date);
        Assert.Equal("complete", award.Tender.Status);
        Assert.Equal(3, award.Tender.NumberOfTenderers);
        var supplier = award.Parties.Single(p => p.Roles.Contains("supplier"));
        Assert.Equal(["supplier", "tenderer"], supplier.Roles);
        var given = Assert.Single(award.Awards!);
        Assert.Equal("active", given.Status);
        Assert.Equal(award.Date, given.Date);
        Assert.Equal(new OcdsValue(16_800_000m, "THB"), given.Value);
        Assert.Equal(supplier.Id, Assert.Single(given.Suppliers).Id);
        Assert.Equal("บริษัท สยามเฮลท์ลิงก์ จำกัด", supplier.Name);
    }

    [Fact]
    public void Satang_become_exact_baht_amounts() =>
        Assert.Equal(4_950_000.05m, OcdsReleases.Baht(495_000_005).Amount);
}
