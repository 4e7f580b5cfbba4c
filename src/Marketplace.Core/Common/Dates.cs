using System.Globalization;

namespace Marketplace.Core.Common;

/// <summary>
/// Dates as a person in Thailand reads them, the one place that formats a date for people: on Thai time
/// (Asia/Bangkok; every deadline is the end of a Thai day) and in the reader's calendar: Thai shows the Buddhist era
/// ("15 ม.ค. 2570"), English the Gregorian year ("15 Jan 2027"). Machines (forms, CSV, JSON, URLs) get ISO dates.
/// </summary>
public static class Dates
{
    public static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly CultureInfo ThaiReader = BuddhistEra();

    /// <summary>The moment on the wall clocks of Thailand.</summary>
    public static DateTimeOffset InThailand(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Bangkok);

    /// <summary>The Thai calendar day a moment falls on.</summary>
    public static DateOnly ThaiDay(DateTimeOffset at) => DateOnly.FromDateTime(InThailand(at).DateTime);

    /// <summary>23:59 Thai time on the day: the moment a deadline on that day passes.</summary>
    public static DateTimeOffset EndOfThaiDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, Bangkok.GetUtcOffset(local));
    }

    public static string Day(DateTimeOffset at, CultureInfo? culture = null) => InThailand(at).ToString("d MMM yyyy", Reader(culture));

    public static string DayAndTime(DateTimeOffset at, CultureInfo? culture = null) => InThailand(at).ToString("d MMM yyyy HH:mm", Reader(culture));

    public static string Day(DateOnly day, CultureInfo? culture = null) => day.ToString("d MMM yyyy", Reader(culture));

    public static string LongDay(DateOnly day, CultureInfo? culture = null) => day.ToString("d MMMM yyyy", Reader(culture));

    /// <summary>yyyy-MM-dd in the Gregorian calendar, for inputs, CSV and JSON.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => Iso(ThaiDay(at));

    /// <summary>The culture whose calendar a reader of <paramref name="culture"/> (default: the request's) expects.</summary>
    public static CultureInfo Reader(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "th" ? ThaiReader : culture.IsNeutralCulture ? English : culture;
    }

    private static CultureInfo BuddhistEra()
    {
        var thai = (CultureInfo)CultureInfo.GetCultureInfo("th-TH").Clone();
        thai.DateTimeFormat.Calendar = new ThaiBuddhistCalendar();
        return CultureInfo.ReadOnly(thai);
    }
}
