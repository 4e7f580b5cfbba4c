using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Core.Features.Transparency;

namespace Marketplace.Web.Api;

/// <summary>
/// /awards.csv: one row per winning vendor (a challenge with two winners has two rows), Thai names, values in baht
/// with a decimal point and no thousands separators, ISO dates in Bangkok time, red flags as codes separated by "; ".
/// </summary>
internal static class AwardsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns = ["agency", "challenge", "vendor", "value_thb", "award_date", "proposals", "window_days", "red_flags"];

    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and Thai turns to noise.</summary>
    public static async Task<byte[]> WriteAsync(IEnumerable<AwardRegister.Award> awards)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in Columns)
                csv.WriteField(column);
            await csv.NextRecordAsync();
            foreach (var award in awards)
                foreach (var winner in award.Winners)
                {
                    csv.WriteField(award.Agency.NameTh);
                    csv.WriteField(award.TitleTh);
                    csv.WriteField(winner.Vendor.NameTh);
                    csv.WriteField((winner.ValueSatang / 100m).ToString("0.00", CultureInfo.InvariantCulture));
                    csv.WriteField(award.AwardDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    csv.WriteField(award.Proposals);
                    csv.WriteField(award.WindowDays);
                    csv.WriteField(string.Join("; ", award.FlagsFor(winner).Select(f => f.Code)));
                    await csv.NextRecordAsync();
                }
        }
        return buffer.ToArray();
    }
}
