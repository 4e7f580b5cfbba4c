using Marketplace.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Documents;

/// <summary>A file as a person uploaded it: the name they gave and the bytes.</summary>
public sealed record Upload(string? FileName, byte[] Bytes);

/// <summary>Every upload passes here before it is saved: infected or unscannable files are refused with a message.</summary>
public sealed class DocumentScreening(IVirusScanner scanner)
{
    public Task RequireCleanAsync(Upload upload, CancellationToken ct) => RequireCleanAsync(upload, "File", ct);

    /// <param name="upload">The file as uploaded.</param>
    /// <param name="field">The command's property the file came in, so the message shows next to that form field.</param>
    /// <param name="ct">Cancels the scan.</param>
    public async Task RequireCleanAsync(Upload upload, string field, CancellationToken ct)
    {
        var result = await scanner.ScanAsync(upload.Bytes, ct);
        switch (result.Verdict)
        {
            case ScanVerdict.Clean:
                return;
            case ScanVerdict.Infected:
                throw InvalidRequestException.For(field, Texts.Get("Documents.DocumentScreening.ThisFileContainsAVirusAnd", result.Detail));
            default:
                // Fail closed: a file nobody could scan is never stored.
                throw InvalidRequestException.For(field, Texts.Get("Documents.DocumentScreening.TheVirusScannerIsNotAvailable"));
        }
    }
}

public static class DocumentServices
{
    public static IServiceCollection AddDocumentScanning(this IServiceCollection services, ClamAvSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<IVirusScanner, ClamAvScanner>();
        services.AddScoped<DocumentScreening>();
        return services;
    }
}
