using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

/// <summary>
/// Dates as Thai people type them, and the dates a challenge may plausibly carry. Thai users often type the Buddhist-era
/// year (2570 for 2027): read as Gregorian it became the year 3113 and a 198,372-day proposal window. A year of 2400 or
/// more cannot be meant as Gregorian in a procurement, so it is read as Buddhist era and the person is told.
/// </summary>
public static class ChallengeDates
{
    public const int BuddhistEraOffset = 543;
    public const int FirstBuddhistEraYear = 2400;

    /// <summary>A deadline further away than this is a typing mistake, not a plan.</summary>
    public static readonly TimeSpan LongestDeadlineAhead = TimeSpan.FromDays(365);

    /// <summary>A contract is signed soon after the award: a date more than 30 days ahead is a typing mistake.</summary>
    public const int LongestContractDaysAhead = 30;

    public sealed record Reading(DateOnly? Date, string? Notice, string? Problem);

    private static readonly Regex Iso = new(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant);
    private static readonly Regex Thai = new(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})$", RegexOptions.CultureInvariant);

    /// <summary>Reads ISO (2027-06-30) or Thai (30/6/2570) dates; years from 2400 are converted from the Buddhist era.</summary>
    public static Reading Read(string text)
    {
        var match = Iso.Match(text.Trim()) is { Success: true } isoMatch ? isoMatch : Thai.Match(text.Trim());
        if (!match.Success)
            return new(null, null, Texts.Get("Domain.Challenges.ChallengeDates.EnterADateSuchAsOr"));
        var typedYear = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var buddhist = typedYear >= FirstBuddhistEraYear;
        var year = buddhist ? typedYear - BuddhistEraOffset : typedYear;
        if (year is < 1900 or > 2200)
            return new(null, null, Texts.Get("Domain.Challenges.ChallengeDates.TheYearCannotBeRightCheck", typedYear));
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return new(null, null, Texts.Get("Domain.Challenges.ChallengeDates.ThisDateDoesNotExistCheck"));
        var date = new DateOnly(year, month, day);
        var iso = Dates.Iso(date);
        return new(date, buddhist
            ? Texts.Get("Domain.Challenges.ChallengeDates.TheYearWasReadAsA", typedYear, iso, year)
            : null, null);
    }

    /// <summary>Deadlines are the end of the chosen day in Thailand.</summary>
    public static DateTimeOffset EndOfThaiDay(DateOnly day) => Dates.EndOfThaiDay(day);

    public static DateOnly ThaiDay(DateTimeOffset moment) => Dates.ThaiDay(moment);
}
