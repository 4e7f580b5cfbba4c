using System.Globalization;
using Marketplace.Core.Features.Transparency;

namespace Marketplace.Web.Api;

/// <summary>
/// /awards.csv: one row per winning vendor (a challenge with two winners has two rows), Thai names, values in baht
/// with a decimal point and no thousands separators, ISO dates in Bangkok time, red flags as codes separated by "; ".
/// </summary>
internal static class AwardsCsv
{
    public static readonly string[] Columns = ["agency", "challenge", "vendor", "value_thb", "award_date", "proposals", "window_days", "red_flags"];

    public static Task WriteToAsync(Stream target, IEnumerable<AwardRegister.Award> awards) => SafeCsv.WriteToAsync(target, csv => WriteRowsAsync(csv, awards));

    private static async Task WriteRowsAsync(CsvHelper.CsvWriter csv, IEnumerable<AwardRegister.Award> awards)
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
}
