using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Marketplace.Web.Api;

/// <summary>
/// The one way the site writes CSV: UTF-8 with a byte-order mark (without it Excel reads the file as the local code
/// page and Thai turns to noise), and formula injection neutralised — a cell starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or CR is prefixed with <c>'</c> so a spreadsheet shows it as text instead of running it.
/// </summary>
internal static class SafeCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    public static async Task<byte[]> WriteAsync(Func<CsvWriter, Task> writeRows)
    {
        using var buffer = new MemoryStream();
        await WriteToAsync(buffer, writeRows);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes straight into <paramref name="target"/> (the response body, or a zip entry of the bulk download), leaving
    /// it open: a register of any size goes out as its rows are written, never held whole as text or bytes.
    /// </summary>
    public static async Task WriteToAsync(Stream target, Func<CsvWriter, Task> writeRows)
    {
        await using var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, Configuration);
        await writeRows(csv);
    }
}
