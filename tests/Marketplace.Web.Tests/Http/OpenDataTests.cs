using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Web.Api;
using Marketplace.Web.Tests.Ocds;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>
/// Issue 14's open data: OCDS contracts, parties and cancellations (valid against the OCDS 1.1 schema), the bulk
/// download, the /open-data page and its links, and the OpenAPI document, over the seeded site.
/// </summary>
public sealed partial class OpenDataTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url)
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static JsonArray Releases(string package) => JsonNode.Parse(package)!["releases"]!.AsArray();

    [Fact]
    public async Task Award_releases_carry_a_contract_per_winner_linked_to_its_award_with_the_recorded_value()
    {
        var (_, _, body) = await GetAsync("/api/ocds/releases");

        Assert.Empty((await OcdsSchema.ReleasePackageAsync()).Validate(body).Select(e => e.ToString()));
        var awardReleases = Releases(body).Where(r => r!["id"]!.GetValue<string>().EndsWith("-award", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, awardReleases.Count);
        foreach (var release in awardReleases)
        {
            Assert.Equal(["award", "contract"], release!["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
            var awards = release["awards"]!.AsArray();
            var contracts = release["contracts"]!.AsArray();
            Assert.Equal(awards.Count, contracts.Count);
            foreach (var contract in contracts)
            {
                var award = awards.Single(a => a!["id"]!.GetValue<string>() == contract!["awardID"]!.GetValue<string>());
                Assert.Equal(award!["value"]!["amount"]!.GetValue<decimal>(), contract!["value"]!["amount"]!.GetValue<decimal>());
                Assert.Equal("THB", contract["value"]!["currency"]!.GetValue<string>());
                Assert.Equal("active", contract["status"]!.GetValue<string>());
                Assert.NotNull(contract["dateSigned"]);
            }
        }
        var pcd = awardReleases.Single(r => r!["tender"]!["id"]!.GetValue<string>() == "pcd-pm25-sensors");
        Assert.Equal(7_900_000m, pcd!["contracts"]![0]!["value"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Parties_carry_their_roles_and_a_legal_identifier_with_the_juristic_number_when_there_is_one()
    {
        var (_, _, body) = await GetAsync("/api/ocds/releases");
        var releaseId = $"ocds-gtmkt-{await ChallengeIdAsync("pcd-pm25-sensors")}-award";
        var award = Releases(body).Single(r => r!["id"]!.GetValue<string>() == releaseId);
        var parties = award!["parties"]!.AsArray();

        var buyer = parties.Single(p => p!["roles"]!.AsArray().Any(r => (string?)r == "buyer"));
        Assert.Equal(["buyer", "procuringEntity"], buyer!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("กรมควบคุมมลพิษ", buyer["identifier"]!["legalName"]!.GetValue<string>());
        Assert.EndsWith("/agencies/pcd", buyer["identifier"]!["uri"]!.GetValue<string>());

        var supplier = parties.Single(p => p!["roles"]!.AsArray().Any(r => (string?)r == "supplier"));
        Assert.Equal(["supplier", "tenderer"], supplier!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var juristic = await QueryAsync(db => db.Organisations.Where(o => o.Slug == "fah-sai-air").Select(o => o.JuristicNumber).SingleAsync());
        Assert.Equal("TH-DBD", supplier["identifier"]!["scheme"]!.GetValue<string>());
        Assert.Equal(juristic, supplier["identifier"]!["id"]!.GetValue<string>());
        Assert.Equal(award["awards"]![0]!["suppliers"]![0]!["id"]!.GetValue<string>(), supplier["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cancelled_challenge_gets_a_tender_cancellation_release_dated_when_it_was_cancelled_with_its_reason()
    {
        var cancelledAt = await QueryAsync(async db =>
        {
            var challenge = await db.Challenges.SingleAsync(c => c.Slug == "dga-open-data-quality");
            challenge.Cancel("งบประมาณถูกโอนไปใช้ในภารกิจเร่งด่วน", factory.Clock.Now);
            await db.SaveChangesAsync();
            return challenge.CancelledAt!.Value;
        });
        var id = await ChallengeIdAsync("dga-open-data-quality");

        // Saved outside a command, so the cached feed is dropped when the change feed brings it (within the promise).
        var (_, _, body) = await Eventually.ReadAsync(() => GetAsync("/api/ocds/releases"), r => r.Body.Contains($"ocds-gtmkt-{id}-cancellation", StringComparison.Ordinal));

        Assert.Empty((await OcdsSchema.ReleasePackageAsync()).Validate(body).Select(e => e.ToString()));
        var releases = Releases(body).Where(r => r!["ocid"]!.GetValue<string>() == $"ocds-gtmkt-{id}").ToList();
        Assert.Equal([$"ocds-gtmkt-{id}-tender", $"ocds-gtmkt-{id}-cancellation"], releases.Select(r => r!["id"]!.GetValue<string>()));
        var cancellation = releases[1]!;
        Assert.Equal(["tenderCancellation"], cancellation["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("cancelled", cancellation["tender"]!["status"]!.GetValue<string>());
        Assert.Equal("งบประมาณถูกโอนไปใช้ในภารกิจเร่งด่วน", cancellation["tender"]!["statusDetails"]!.GetValue<string>());
        Assert.Equal(cancelledAt, DateTimeOffset.Parse(cancellation["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var stored = await QueryAsync(db => db.Challenges.AsNoTracking().SingleAsync(c => c.Slug == "dga-open-data-quality"));
        Assert.Equal(cancelledAt, stored.CancelledAt);
    }

    [Fact]
    public async Task The_bulk_download_is_a_zip_of_the_OCDS_package_and_the_CSVs_as_the_site_serves_them()
    {
        using var visitor = Visitor.For(factory);
        using var response = await visitor.Http.GetAsync(OpenDataApi.BulkPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(OpenDataApi.BulkEntries, zip.Entries.Select(e => e.FullName));
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        var package = Read("ocds-release-package.json");
        Assert.Empty((await OcdsSchema.ReleasePackageAsync()).Validate(package).Select(e => e.ToString()));
        Assert.Equal(Releases((await GetAsync("/api/ocds/releases")).Body).Count, Releases(package).Count);
        Assert.Equal((await GetAsync("/awards.csv")).Body, Read("awards.csv"));
        Assert.Equal((await GetAsync("/purchases.csv")).Body, Read("purchases.csv"));
        Assert.Contains(OpenDataLicence.Name, Read("LICENSE.txt"));
    }

    [Fact]
    public async Task The_open_data_page_lists_every_dataset_with_format_licence_and_schema_and_every_link_answers()
    {
        var (status, _, html) = await GetAsync("/open-data");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(OpenDataLicence.Name, html);
        var links = Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        foreach (var dataset in OpenDataApi.Datasets)
        {
            Assert.Contains(dataset.Url, links);
            Assert.Contains(dataset.Schema, links);
            Assert.Contains($"data-dataset=\"{dataset.Key}\"", html);
            Assert.Contains(dataset.Format, WebUtility.HtmlDecode(html));
        }
        foreach (var link in links.Where(l => l.StartsWith('/')).Distinct())
        {
            var (linkStatus, _, _) = await GetAsync(link.Split('#')[0]);
            Assert.True(linkStatus == HttpStatusCode.OK, $"{link} answered {linkStatus}");
        }
        var home = (await GetAsync("/")).Body;
        Assert.Contains("href=\"/open-data\" data-testid=\"nav-open-data\"", home);
    }

    [Fact]
    public async Task The_licence_is_the_same_on_the_page_in_the_catalogue_the_OpenAPI_document_and_the_README()
    {
        var catalogue = JsonDocument.Parse((await GetAsync(OpenDataApi.CataloguePath)).Body).RootElement;
        var openApi = JsonDocument.Parse((await GetAsync(OpenApiDescription.DocumentPath)).Body).RootElement;
        var readme = await File.ReadAllTextAsync(Path.Combine(MarketplaceFactory.RepositoryRoot, "README.md"));

        Assert.Equal(OpenDataLicence.Name, catalogue.GetProperty("licence").GetProperty("name").GetString());
        Assert.Equal(OpenDataApi.Datasets.Count, catalogue.GetProperty("datasets").GetArrayLength());
        Assert.All(catalogue.GetProperty("datasets").EnumerateArray(), d => Assert.Equal(OpenDataLicence.Url, d.GetProperty("licence").GetString()));
        Assert.Equal(OpenDataLicence.Name, openApi.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        Assert.Contains(OpenDataLicence.Name, readme);
        Assert.DoesNotContain("Open Government Licence", readme);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_public_api_endpoint_the_app_routes_with_its_parameters()
    {
        var routed = factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith("/api/", StringComparison.Ordinal))
            .ToHashSet();
        var (status, _, body) = await GetAsync(OpenApiDescription.DocumentPath);
        var paths = JsonDocument.Parse(body).RootElement.GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(routed);
        Assert.Empty(routed.Except(paths.EnumerateObject().Select(p => p.Name)));
        Assert.All(paths.EnumerateObject(), p => Assert.True(OpenApiDescription.Endpoints.ContainsKey(p.Name), $"{p.Name} is not public open data"));
        Assert.DoesNotContain("/webhooks/stripe", paths.EnumerateObject().Select(p => p.Name));

        string[] ParametersOf(string path) => paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["agency", "category", "flag", "page", "pageSize", "province", "sort", "vendor", "year"], ParametersOf("/api/awards"));
        Assert.Equal(ParametersOf("/api/awards"), ParametersOf("/awards.csv"));
        Assert.Equal(["page", "pageSize", "status"], ParametersOf("/api/challenges"));
        Assert.Contains("q", ParametersOf("/api/solutions"));
        foreach (var parameter in paths.GetProperty("/api/awards").GetProperty("get").GetProperty("parameters").EnumerateArray())
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_API_reference_page_renders_every_operation_of_the_document()
    {
        var paths = JsonDocument.Parse((await GetAsync(OpenApiDescription.DocumentPath)).Body).RootElement.GetProperty("paths")
            .EnumerateObject().Select(p => p.Name).ToList();

        var (status, _, html) = await GetAsync("/open-data/api");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var path in paths)
            Assert.Contains($"data-path=\"{path}\"", html);
        Assert.Contains("<code>year</code>", html);
    }

    private async Task<T> QueryAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private Task<int> ChallengeIdAsync(string slug) => QueryAsync(db => db.Challenges.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
