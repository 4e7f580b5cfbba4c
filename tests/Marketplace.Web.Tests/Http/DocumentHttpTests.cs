using System.Net;
using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain.Documents;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>Documents over HTTP: served as attachments that no browser sniffs; a 21 MB upload gets a message, not a 500.</summary>
public sealed class DocumentHttpTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    [Fact]
    public async Task A_public_tender_document_downloads_as_a_pdf_attachment_with_nosniff()
    {
        using var visitor = Visitor.For(factory);
        var (_, page) = await visitor.GetAsync("/challenges/dga-single-form-permits");
        var document = await Db(db => db.Documents.Join(db.Challenges.Where(c => c.Slug == "dga-single-form-permits"), d => d.ChallengeId, c => c.Id, (d, c) => d.Id).FirstAsync());
        Assert.Contains($"href=\"/documents/{document}\"", page);

        using var response = await visitor.Http.GetAsync($"/documents/{document}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("dga-single-form-permits-terms-of-reference.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(DocumentFile.Pdf, DocumentFile.Inspect(await response.Content.ReadAsByteArrayAsync()).Format);
    }

    [Fact]
    public async Task A_21_megabyte_upload_is_refused_next_to_the_field_and_nothing_is_stored()
    {
        using var buyer = Visitor.For(factory);
        await buyer.SignInAsync("buyer@demo.govtech.example");
        const string slug = "dga-single-form-permits";
        var before = await Db(db => db.Documents.CountAsync());
        var big = new byte[21 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);

        using var response = await buyer.PostFormWithFileAsync($"/challenges/{slug}", new Dictionary<string, string> { ["Upload.Kind"] = nameof(DocumentKind.Specification) },
            new UploadedFile("Upload.File", "spec.pdf", "application/pdf", big), $"/challenges/{slug}?handler=Attach");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Upload_File-error\"", html);
        Assert.Contains("ไม่เกิน 20 MB (ไฟล์นี้ 21.0 MB)", html);
        Assert.Equal(before, await Db(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Health_shows_the_virus_scanner()
    {
        using var visitor = Visitor.For(factory);
        var json = JsonDocument.Parse(await visitor.Http.GetStringAsync("/health")).RootElement;

        Assert.Equal("Healthy", json.GetProperty("virusScanner").GetProperty("status").GetString());
        Assert.Contains("ClamAV", json.GetProperty("virusScanner").GetProperty("detail").GetString());
    }
}
