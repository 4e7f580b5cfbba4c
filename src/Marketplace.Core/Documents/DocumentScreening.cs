using Marketplace.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Documents;

/// <summary>A file as a person uploaded it: the name they gave and the bytes.</summary>
public sealed record Upload(string? FileName, byte[] Bytes);

/// <summary>Every upload passes here before it is saved: infected or unscannable files are refused with a message.</summary>
public sealed class DocumentScreening(IVirusScanner scanner)
{
    public async Task RequireCleanAsync(Upload upload, CancellationToken ct)
    {
        var result = await scanner.ScanAsync(upload.Bytes, ct);
        switch (result.Verdict)
        {
            case ScanVerdict.Clean:
                return;
            case ScanVerdict.Infected:
                throw InvalidRequestException.For("File", Bi.T($"ไฟล์นี้มีไวรัส ({result.Detail}) จึงไม่รับ ตรวจเครื่องของคุณแล้วส่งไฟล์ที่สะอาด",
                    $"This file contains a virus ({result.Detail}) and was refused. Check your computer and send a clean file."));
            default:
                // Fail closed: a file nobody could scan is never stored.
                throw InvalidRequestException.For("File", Bi.T("ระบบตรวจไวรัสไม่พร้อมใช้งานขณะนี้ จึงยังรับไฟล์ไม่ได้ ลองใหม่ภายหลัง",
                    "The virus scanner is not available right now, so files cannot be accepted. Try again later."));
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
