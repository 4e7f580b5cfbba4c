using System.Globalization;

namespace Marketplace.Core.Common;

/// <summary>Thai baht kept as integer satang (1 THB = 100 satang): no floating point ever touches money.</summary>
public static class Money
{
    /// <summary>Parses "45000", "45,000.50" or "฿45,000" into satang; null when it is not an amount with at most two decimals.</summary>
    public static long? ParseBaht(string? text)
    {
        var cleaned = (text ?? "").Replace(",", "").Replace("฿", "").Replace("THB", "", StringComparison.OrdinalIgnoreCase)
            .Replace("บาท", "").Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var baht)
            || baht < 0 || baht > 10_000_000_000m || decimal.Round(baht, 2) != baht)
            return null;
        return (long)(baht * 100);
    }

    public static string ToBahtInput(long? satang) =>
        satang is null ? "" : (satang.Value / 100m).ToString(satang.Value % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>"45,000 บาท" in Thai, "THB 45,000" in English; satang shown only when there are some.</summary>
    public static string Format(long satang, CultureInfo? culture = null)
    {
        var amount = (satang / 100m).ToString(satang % 100 == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return Texts.In(culture ?? CultureInfo.CurrentUICulture, "Common.Money.THB", amount);
    }
}
