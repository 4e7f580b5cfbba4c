using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Common;

/// <summary>Thai readers get the Buddhist era, English readers the Gregorian year, both on Thai time.</summary>
public sealed class DatesTests
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void A_Thai_date_is_in_the_Buddhist_era_and_an_English_one_Gregorian()
    {
        var day = new DateOnly(2027, 1, 15);
        Assert.Equal("15 ม.ค. 2570", Dates.Day(day, Thai));
        Assert.Equal("15 Jan 2027", Dates.Day(day, English));
        Assert.Equal("15 มกราคม 2570", Dates.LongDay(day, Thai));
        Assert.Equal("2027-01-15", Dates.Iso(day));
    }

    [Fact]
    public void A_moment_is_read_on_Bangkok_time_so_late_evening_UTC_is_the_next_Thai_day()
    {
        var at = new DateTimeOffset(2027, 1, 14, 18, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2027, 1, 15), Dates.ThaiDay(at));
        Assert.Equal("15 ม.ค. 2570 01:30", Dates.DayAndTime(at, Thai));
        Assert.Equal("15 Jan 2027 01:30", Dates.DayAndTime(at, English));
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 16, 59, 0, TimeSpan.Zero), Dates.EndOfThaiDay(new DateOnly(2027, 1, 15)));
    }

    [Fact]
    public void Without_a_culture_the_request_language_picks_the_calendar()
    {
        var day = new DateOnly(2026, 12, 1);
        using (new ThaiCulture())
            Assert.Equal("1 ธ.ค. 2569", Dates.Day(day));
        using (new EnglishCulture())
            Assert.Equal("1 Dec 2026", Dates.Day(day));
    }
}
