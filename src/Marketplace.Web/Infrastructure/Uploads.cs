using Marketplace.Core.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Reads an uploaded file for the core. Kestrel's default request limit (about 28 MB) and the form limit (128 MB) let a
/// file a little over the 20 MB document limit through, so the core refuses it with a message next to the field.
/// </summary>
public static class Uploads
{
    public static async Task<Upload?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return null;
        using var buffer = new MemoryStream((int)Math.Min(file.Length, 32L * 1024 * 1024));
        await file.CopyToAsync(buffer, ct);
        return new Upload(file.FileName, buffer.ToArray());
    }
}

/// <summary>Serves a stored document so no browser renders or sniffs it: an attachment, with its proven type.</summary>
public static class DocumentResults
{
    public static IActionResult Attachment(HttpContext http, string fileName, string contentType, byte[] bytes)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(bytes, contentType) { FileDownloadName = fileName };
    }
}
