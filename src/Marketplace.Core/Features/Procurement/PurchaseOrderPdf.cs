using Marketplace.Core.Common;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The signed purchase order must be a PDF, judged by its content (the "%PDF-" signature), never by the name or the
/// content type the browser claims. A file that passes is then virus-scanned by <see cref="Documents.DocumentScreening"/>
/// in <see cref="PlaceOrder"/>'s handler, like every other upload.
/// </summary>
public static class PurchaseOrderPdf
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public static string? Problem(byte[]? content)
    {
        if (content is null || content.Length == 0)
            return Texts.Get("Features.Procurement.PurchaseOrderPdf.AttachTheSignedPurchaseOrderPDF");
        if (content.Length > MaxBytes)
            return Texts.Get("Features.Procurement.PurchaseOrderPdf.TheFileIsLargerThanMB");
        if (!content.AsSpan().StartsWith(Signature))
            return Texts.Get("Features.Procurement.PurchaseOrderPdf.ThisFileIsNotAPDF");
        return null;
    }
}
