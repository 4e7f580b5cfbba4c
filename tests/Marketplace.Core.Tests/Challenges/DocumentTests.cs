using System.IO.Compression;
using System.Text;
using Marketplace.Core.Common;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Documents;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Challenges;

/// <summary>
/// Uploads through the real pipeline into real SQLite, scanned by the real clamd that .ci/clamav/start runs with the
/// EICAR test signature; downloads authorised per role.
/// </summary>
public sealed class DocumentTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.Now.UtcDateTime);

    public static byte[] Pdf(string title = "Terms of reference") => SimplePdf.Create(title, ["Scope of work", "Deliverables"]);

    public static byte[] OfficePackage(string contentTypes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write(contentTypes);
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
                writer.Write("<w:document/>");
        }
        return buffer.ToArray();
    }

    private async Task<(int Id, string Slug)> PublishAsync()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var saved = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(Today) });
        await app.SendAsync(new SubmitChallenge.Command(saved.ChallengeId));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await app.SendAsync(new ModerateChallenge.Command { ChallengeId = saved.ChallengeId, Publish = true });
        await app.AsUserAsync(DemoAccounts.Buyer);
        return (saved.ChallengeId, saved.Slug);
    }

    private Task<List<Document>> StoredAsync(int challengeId) =>
        app.QueryDbAsync(db => db.Documents.AsNoTracking().Where(d => d.ChallengeId == challengeId).ToListAsync());

    private async Task<string> RefusalAsync(int challengeId, string? name, byte[] bytes)
    {
        using var _ = new EnglishCulture();
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            app.SendAsync(new TenderDocuments.AttachToChallenge(challengeId, DocumentKind.TermsOfReference, new Upload(name, bytes))));
        return Assert.Single(refused.Errors, e => e.Field == "File").Message;
    }

    [Fact]
    public async Task A_valid_pdf_is_accepted_and_stored_with_the_extension_its_content_proves()
    {
        var (id, _) = await PublishAsync();

        await app.SendAsync(new TenderDocuments.AttachToChallenge(id, DocumentKind.TermsOfReference, new Upload(@"C:\Users\a\TOR final.exe", Pdf())));

        var stored = Assert.Single(await StoredAsync(id));
        Assert.Equal(("TOR final.pdf", "application/pdf", "pdf"), (stored.FileName, stored.ContentType, stored.Format));
    }

    [Fact]
    public async Task Docx_xlsx_and_odt_are_recognised_inside_their_zip_packages()
    {
        Assert.Equal(DocumentFile.Docx, DocumentFile.Inspect(OfficePackage("<Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>")).Format);
        Assert.Equal(DocumentFile.Xlsx, DocumentFile.Inspect(OfficePackage("<Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")).Format);
        Assert.Null(DocumentFile.Inspect(OfficePackage("<Types/>")).Format);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            writer.Write("application/vnd.oasis.opendocument.text");
        Assert.Equal(DocumentFile.Odt, DocumentFile.Inspect(buffer.ToArray()).Format);
    }

    [Fact]
    public async Task The_eicar_test_file_is_refused_by_clamav_and_nothing_is_stored()
    {
        var (id, _) = await PublishAsync();

        var message = await RefusalAsync(id, "tor.pdf", [.. Pdf(), .. Eicar]);

        Assert.Contains("contains a virus (Marketplace.Test.EICAR", message);
        Assert.Empty(await StoredAsync(id));
    }

    [Fact]
    public async Task A_renamed_executable_and_a_21_megabyte_file_are_refused_with_messages()
    {
        var (id, _) = await PublishAsync();

        Assert.Contains("Only PDF, DOCX, XLSX or ODT", await RefusalAsync(id, "tor.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0]));
        var big = new byte[21 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(big);
        Assert.Contains("20 MB or smaller (this one is 21.0 MB)", await RefusalAsync(id, "big.pdf", big));
        Assert.Empty(await StoredAsync(id));
    }

    [Fact]
    public async Task Sealed_proposal_documents_are_read_by_their_vendor_and_by_a_declared_panel_only_after_the_deadline()
    {
        var (id, _) = await PublishAsync();
        await app.AsUserAsync(DemoAccounts.Vendor);
        var mine = await app.SendAsync(new Proposals.Mine(id));
        await app.SendAsync(new Proposals.Send { ChallengeId = id, ListingId = mine.Solutions[0].Id, Approach = "แนวทาง", PriceBaht = "900,000", TimelineDays = 90 });
        await app.SendAsync(new TenderDocuments.AttachToProposal(id, DocumentKind.ProposalPrice, new Upload("price.pdf", Pdf("Price"))));
        var document = Assert.Single(await StoredAsync(id));
        var download = new TenderDocuments.Download(document.Id);

        Assert.Equal("price.pdf", (await app.SendAsync(download)).FileName);
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(download));
        app.AsAnonymous();
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(download));
        await app.AsUserAsync(DemoAccounts.Moderator);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(download));
        await app.AsUserAsync(DemoAccounts.Buyer);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(download));

        app.Clock.Advance(TimeSpan.FromDays(36));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(download));
        await app.SendAsync(new EvaluationPanel.Declare(id, Conflict: false));
        Assert.Equal("application/pdf", (await app.SendAsync(download)).ContentType);
        app.Clock.Advance(TimeSpan.FromDays(-36));
    }

    [Fact]
    public async Task Cancelling_before_the_deadline_keeps_proposal_documents_sealed_for_good()
    {
        var (id, _) = await PublishAsync();
        await app.AsUserAsync(DemoAccounts.Vendor);
        var mine = await app.SendAsync(new Proposals.Mine(id));
        await app.SendAsync(new Proposals.Send { ChallengeId = id, ListingId = mine.Solutions[0].Id, Approach = "แนวทาง", PriceBaht = "900,000", TimelineDays = 90 });
        await app.SendAsync(new TenderDocuments.AttachToProposal(id, DocumentKind.ProposalTechnical, new Upload("approach.pdf", Pdf("Approach"))));
        var document = Assert.Single(await StoredAsync(id));

        await app.AsUserAsync(DemoAccounts.Buyer);
        await app.SendAsync(new Award.Cancel(id, "งบประมาณถูกตัด"));
        app.Clock.Advance(TimeSpan.FromDays(60));
        try
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new TenderDocuments.Download(document.Id)));
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new Evaluation.Query(id)));
            await app.AsUserAsync(DemoAccounts.Vendor);
            await app.SendAsync(new Proposals.Withdraw(id));
            Assert.Equal(ProposalState.Withdrawn, await app.QueryDbAsync(db => db.Proposals.Where(p => p.ChallengeId == id).Select(p => p.State).SingleAsync()));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-60));
        }
    }

    [Fact]
    public async Task A_draft_challenges_documents_are_hidden_from_everyone_but_its_agency_and_nia()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var draft = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(Today) });
        await app.SendAsync(new TenderDocuments.AttachToChallenge(draft.ChallengeId, DocumentKind.Specification, new Upload("spec.pdf", Pdf("Spec"))));
        var document = Assert.Single(await StoredAsync(draft.ChallengeId));

        Assert.Equal("spec.pdf", (await app.SendAsync(new TenderDocuments.Download(document.Id))).FileName);
        app.AsAnonymous();
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new TenderDocuments.Download(document.Id)));
        await app.AsUserAsync(DemoAccounts.Vendor);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new TenderDocuments.Download(document.Id)));
        await app.AsUserAsync(DemoAccounts.Moderator);
        Assert.Equal("spec.pdf", (await app.SendAsync(new TenderDocuments.Download(document.Id))).FileName);
    }

    [Fact]
    public async Task At_least_four_published_sample_challenges_carry_a_real_pdf()
    {
        var pdfs = await app.QueryDbAsync(db => db.Documents.AsNoTracking()
            .Join(db.Challenges.Where(c => c.State == ChallengeState.Published), d => d.ChallengeId, c => c.Id, (d, c) => d).ToListAsync());

        Assert.True(pdfs.Select(d => d.ChallengeId).Distinct().Count() >= 4);
        Assert.All(pdfs, d => Assert.Equal(DocumentFile.Pdf, DocumentFile.Inspect(d.Bytes).Format));
        Assert.All(pdfs, d => Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(d.Bytes)));
    }
}

/// <summary>The same site with clamd unreachable: a closed port on the loopback.</summary>
public sealed class ScannerDownFixture : SliceFixture
{
    public ScannerDownFixture() => Scanner = new ClamAvSettings("127.0.0.1", 9, TimeoutSeconds: 5);
}

public sealed class ScannerDownTests(ScannerDownFixture app) : IClassFixture<ScannerDownFixture>
{
    [Fact]
    public async Task With_the_scanner_down_an_upload_is_refused_and_nothing_is_stored()
    {
        await app.AsUserAsync(DemoAccounts.Buyer);
        var draft = await app.SendAsync(new SaveChallenge.Command { Challenge = ChallengeForms.Valid(DateOnly.FromDateTime(app.Clock.Now.UtcDateTime)) });
        using var _ = new EnglishCulture();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            app.SendAsync(new TenderDocuments.AttachToChallenge(draft.ChallengeId, DocumentKind.TermsOfReference, new Upload("tor.pdf", DocumentTests.Pdf()))));

        Assert.Contains("virus scanner is not available", Assert.Single(refused.Errors).Message);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Documents.CountAsync(d => d.ChallengeId == draft.ChallengeId)));
    }
}
