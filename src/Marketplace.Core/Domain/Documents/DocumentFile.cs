using System.IO.Compression;
using System.Text;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Documents;

public sealed record DocumentFormat(string Extension, string ContentType, string Label);

/// <summary>
/// What a tender document may be, decided by its content, never its name: PDF by its "%PDF-" header; DOCX and XLSX are
/// ZIP packages whose [Content_Types].xml names the main part; ODT is a ZIP whose first entry "mimetype" says so. An
/// executable renamed to .pdf is refused, and so is anything over 20 MB.
/// </summary>
public static class DocumentFile
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public static readonly DocumentFormat Pdf = new("pdf", "application/pdf", "PDF");
    public static readonly DocumentFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)");
    public static readonly DocumentFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)");
    public static readonly DocumentFormat Odt = new("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)");

    public static (DocumentFormat? Format, string? Problem) Inspect(byte[] bytes)
    {
        if (bytes.Length == 0)
            return (null, Texts.Get("Domain.Documents.DocumentFile.TheFileIsEmptyChooseThe"));
        if (bytes.Length > MaxBytes)
            return (null, Texts.Get("Domain.Documents.DocumentFile.TheFileMustBeMBOr", bytes.Length / 1024.0 / 1024.0));
        var format = bytes.AsSpan() switch
        {
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => Pdf,
            [(byte)'P', (byte)'K', 3, 4, ..] => OfficePackage(bytes),
            _ => null,
        };
        return format is null
            ? (null, Texts.Get("Domain.Documents.DocumentFile.OnlyPDFDOCXXLSXOrODT"))
            : (format, null);
    }

    private static DocumentFormat? OfficePackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype && Read(mimetype) == Odt.ContentType)
                return Odt;
            if (zip.GetEntry("[Content_Types].xml") is { Length: < 1_000_000 } types)
            {
                var xml = Read(types);
                if (xml.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal))
                    return Docx;
                if (xml.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal))
                    return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd().Trim();
    }

    /// <summary>A name safe to show and to send back in Content-Disposition: no folders, no control characters, the proven extension.</summary>
    public static string SafeName(string? fileName, DocumentFormat format)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length == 0)
            name = "document";
        if (name.Length > Document.MaxFileNameLength - 10)
            name = name[..(Document.MaxFileNameLength - 10)];
        return $"{name}.{format.Extension}";
    }
}
