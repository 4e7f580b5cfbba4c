using System.IO.Compression;
using System.Text.Json;
using Marketplace.Core.Features.Transparency;
using Marketplace.Core.Features.Transparency.Ocds;
using Marketplace.Web.Infrastructure;
using MediatR;

namespace Marketplace.Web.Api;

/// <summary>The licence of every dataset, named the same way on /open-data, in the catalogue JSON, the OpenAPI document and the README.</summary>
public static class OpenDataLicence
{
    public const string Name = "Creative Commons Attribution 4.0 International (CC BY 4.0)";
    public const string ShortName = "CC BY 4.0";
    public const string Url = "https://creativecommons.org/licenses/by/4.0/";
}

/// <summary>
/// One dataset on /open-data: its address, format and the description of its fields. <see cref="Schema"/> is a
/// page or file on this site, so every link the page shows answers here.
/// </summary>
public sealed record OpenDataset(string Key, string TitleKey, string DescriptionKey, string Url, string Format, string MediaType, string Schema);

/// <summary>
/// The open-data catalogue (/open-data and <see cref="CataloguePath"/>) and the bulk download (<see cref="BulkPath"/>):
/// a zip written entry by entry straight into the response, so neither the zip nor the CSV files are ever held whole.
/// </summary>
public static class OpenDataApi
{
    public const string BulkPath = "/open-data/bulk.zip";
    public const string CataloguePath = "/open-data/catalogue.json";
    public const string OcdsSchema = "/open-data/schema/release-package-schema.json";

    public static readonly IReadOnlyList<OpenDataset> Datasets =
    [
        new("awards-json", "Pages.OpenData.Index.AwardsJsonTitle", "Pages.OpenData.Index.AwardsJsonDescription", "/api/awards", "JSON", "application/json", "/open-data/api#api-awards"),
        new("awards-csv", "Pages.OpenData.Index.AwardsCsvTitle", "Pages.OpenData.Index.AwardsCsvDescription", "/awards.csv", "CSV", "text/csv", "/open-data#columns-awards-csv"),
        new("purchases-json", "Pages.OpenData.Index.PurchasesJsonTitle", "Pages.OpenData.Index.PurchasesJsonDescription", "/api/purchases", "JSON", "application/json", "/open-data/api#api-purchases"),
        new("purchases-csv", "Pages.OpenData.Index.PurchasesCsvTitle", "Pages.OpenData.Index.PurchasesCsvDescription", "/purchases.csv", "CSV", "text/csv", "/open-data#columns-purchases-csv"),
        new("challenges-json", "Pages.OpenData.Index.ChallengesJsonTitle", "Pages.OpenData.Index.ChallengesJsonDescription", "/api/challenges", "JSON", "application/json", "/open-data/api#api-challenges"),
        new("solutions-json", "Pages.OpenData.Index.SolutionsJsonTitle", "Pages.OpenData.Index.SolutionsJsonDescription", "/api/solutions", "JSON", "application/json", "/open-data/api#api-solutions"),
        new("ocds", "Pages.OpenData.Index.OcdsTitle", "Pages.OpenData.Index.OcdsDescription", "/api/ocds/releases", "JSON (OCDS 1.1)", "application/json", OcdsSchema),
        new("bulk", "Pages.OpenData.Index.BulkTitle", "Pages.OpenData.Index.BulkDescription", BulkPath, "ZIP (JSON + CSV)", "application/zip", "/open-data#bulk-contents"),
        new("openapi", "Pages.OpenData.Index.OpenApiTitle", "Pages.OpenData.Index.OpenApiDescription", OpenApiDescription.DocumentPath, "JSON (OpenAPI 3.1)", "application/json", "/open-data/api"),
    ];

    /// <summary>What the bulk zip holds, in order.</summary>
    public static readonly string[] BulkEntries = ["ocds-release-package.json", "awards.csv", "purchases.csv", "LICENSE.txt"];

    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapGet(CataloguePath, (HttpContext http) =>
        {
            var site = SiteAddress.Of(http.Request);
            return Results.Json(new
            {
                title = "GovTech Marketplace open data",
                licence = new { name = OpenDataLicence.Name, url = OpenDataLicence.Url },
                datasets = Datasets.Select(d => new
                {
                    key = d.Key,
                    title = new { th = Core.Common.Texts.In(Core.Common.Dates.Thai, d.TitleKey), en = Core.Common.Texts.In(Core.Common.Dates.English, d.TitleKey) },
                    url = site + d.Url,
                    format = d.Format,
                    mediaType = d.MediaType,
                    schema = site + d.Schema,
                    licence = OpenDataLicence.Url,
                }),
            });
        });

        app.MapGet(BulkPath, async (HttpContext http, IMediator mediator) =>
        {
            var ct = http.RequestAborted;
            var site = SiteAddress.Of(http.Request);
            // ZipArchive still writes each entry's local header and data descriptor synchronously, even through its async API;
            // allowed for this response only (the writes are small, the data itself goes through the async streams).
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"govtech-marketplace-open-data.zip\"";
            await using var zip = await ZipArchive.CreateAsync(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);

            var package = await mediator.Send(new OcdsReleasePackage.Query(site), ct);
            await WriteEntryAsync(zip, BulkEntries[0], s => JsonSerializer.SerializeAsync(s, package, OcdsJson.Options, ct), ct);
            var awards = await mediator.Send(new AwardRegister.Query(Everything: true), ct);
            await WriteEntryAsync(zip, BulkEntries[1], s => AwardsCsv.WriteToAsync(s, awards.Items), ct);
            var purchases = await mediator.Send(new PurchaseRegister.Query(Everything: true), ct);
            await WriteEntryAsync(zip, BulkEntries[2], s => SafeCsv.WriteToAsync(s, csv => PurchasesApi.WriteCsvRowsAsync(csv, purchases.Items)), ct);
            await WriteEntryAsync(zip, BulkEntries[3], async s =>
            {
                await using var writer = new StreamWriter(s, leaveOpen: true);
                await writer.WriteAsync($"GovTech Marketplace open data, {site}\nLicence: {OpenDataLicence.Name}, {OpenDataLicence.Url}\n" +
                    $"Fields: {site}/open-data and {site}{OpenApiDescription.DocumentPath}\n");
            }, ct);
        });
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<Stream, Task> write, CancellationToken ct)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await write(entry);
    }
}
