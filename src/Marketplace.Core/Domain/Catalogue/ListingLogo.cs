using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Catalogue;

/// <summary>A listing's logo, stored beside it in the database so it is saved in the same transaction.</summary>
public sealed class ListingLogo
{
    public const int MaxBytes = 1024 * 1024;

    private ListingLogo() { }

    private ListingLogo(int listingId, string contentType, byte[] bytes)
    {
        ListingId = listingId;
        ContentType = contentType;
        Bytes = bytes;
    }

    public int ListingId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];

    /// <summary>Checks the content, not the file name: PNG, JPEG or WebP by their magic bytes, at most 1 MB.</summary>
    public static (string? ContentType, string? Problem) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            return (null, Bi.T("ไฟล์โลโก้ว่างเปล่า", "The logo file is empty"));
        if (bytes.Length > MaxBytes)
            return (null, Bi.T($"โลโก้ต้องมีขนาดไม่เกิน 1 MB (ไฟล์นี้ {bytes.Length / 1024.0 / 1024.0:0.0} MB)",
                $"The logo must be 1 MB or smaller (this file is {bytes.Length / 1024.0 / 1024.0:0.0} MB)"));
        string? type = bytes switch
        {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
            _ => null,
        };
        return type is null
            ? (null, Bi.T("โลโก้ต้องเป็นไฟล์ภาพ PNG, JPEG หรือ WebP", "The logo must be a PNG, JPEG or WebP image"))
            : (type, null);
    }

    public static ListingLogo Create(int listingId, byte[] bytes)
    {
        var (type, problem) = Inspect(bytes);
        if (problem is not null)
            throw new DomainRuleException(problem);
        return new ListingLogo(listingId, type!, bytes);
    }

    public void Replace(byte[] bytes)
    {
        var replacement = Create(ListingId, bytes);
        ContentType = replacement.ContentType;
        Bytes = replacement.Bytes;
    }
}
