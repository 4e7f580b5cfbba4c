using Marketplace.Core.Common;

namespace Marketplace.Core.Features.Procurement;

/// <summary>
/// The signed purchase order must be a PDF, judged by its content (the "%PDF-" signature), never by the name or the
/// content type the browser claims. A virus scan of uploads belongs here too, once the site has a scanning port.
/// </summary>
public static class PurchaseOrderPdf
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    public static string? Problem(byte[]? content)
    {
        if (content is null || content.Length == 0)
            return Bi.T("แนบใบสั่งซื้อที่ลงนามแล้ว (PDF)", "Attach the signed purchase order (PDF)");
        if (content.Length > MaxBytes)
            return Bi.T("ไฟล์ใหญ่เกิน 5 MB", "The file is larger than 5 MB");
        if (!content.AsSpan().StartsWith(Signature))
            return Bi.T("ไฟล์นี้ไม่ใช่ PDF แนบใบสั่งซื้อเป็นไฟล์ PDF", "This file is not a PDF: attach the purchase order as a PDF");
        return null;
    }
}
