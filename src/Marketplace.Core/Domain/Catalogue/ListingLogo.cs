using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Catalogue;

/// <summary>
/// A listing's logo, stored beside it in the database so it is saved in the same transaction. Moderated like every other
/// field: a new logo waits as the pending one and goes live only when NIA approves the revision.
/// </summary>
public sealed class ListingLogo
{
    public const int MaxBytes = 1024 * 1024;

    private ListingLogo() { }

    private ListingLogo(int listingId) => ListingId = listingId;

    public int ListingId { get; private set; }

    /// <summary>The live logo the public sees; empty until a first logo is approved.</summary>
    public string ContentType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];

    /// <summary>The logo waiting for NIA's approval, seen only by the vendor and moderators.</summary>
    public string? PendingContentType { get; private set; }
    public byte[]? PendingBytes { get; private set; }

    public bool IsLive => Bytes.Length > 0;

    /// <summary>The message for a logo of <paramref name="length"/> bytes, its real size in MB (a 5 MB file reads "5.0 MB").</summary>
    public static string TooLarge(long length) => Texts.Get("Domain.Catalogue.ListingLogo.TheLogoMustBeMBOr", length / 1024.0 / 1024.0);

    /// <summary>Checks the content, not the file name: PNG, JPEG or WebP by their magic bytes, at most 1 MB.</summary>
    public static (string? ContentType, string? Problem) Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            return (null, Texts.Get("Domain.Catalogue.ListingLogo.TheLogoFileIsEmpty"));
        if (bytes.Length > MaxBytes)
            return (null, TooLarge(bytes.Length));
        string? type = bytes switch
        {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
            _ => null,
        };
        return type is null
            ? (null, Texts.Get("Domain.Catalogue.ListingLogo.TheLogoMustBeAPNG"))
            : (type, null);
    }

    public static ListingLogo Propose(int listingId, byte[] bytes)
    {
        var logo = new ListingLogo(listingId);
        logo.ProposeReplacement(bytes);
        return logo;
    }

    public void ProposeReplacement(byte[] bytes)
    {
        var (type, problem) = Inspect(bytes);
        if (problem is not null)
            throw new DomainRuleException(problem);
        PendingContentType = type;
        PendingBytes = bytes;
    }

    /// <summary>Called when NIA approves the listing's revision.</summary>
    public void GoLive()
    {
        if (PendingBytes is null)
            return;
        ContentType = PendingContentType!;
        Bytes = PendingBytes;
        PendingContentType = null;
        PendingBytes = null;
    }
}
