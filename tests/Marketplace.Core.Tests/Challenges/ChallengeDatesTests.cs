using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Challenges;

public sealed class ChallengeDatesTests
{
    [Theory]
    [InlineData("2570-06-30")]
    [InlineData("30/6/2570")]
    [InlineData("30/06/2570")]
    [InlineData("30.6.2570")]
    public void A_buddhist_era_year_is_converted_and_the_person_is_told(string typed)
    {
        using var _ = new EnglishCulture();
        var reading = ChallengeDates.Read(typed);

        Assert.Equal(new DateOnly(2027, 6, 30), reading.Date);
        Assert.Contains("2570 was read as a Buddhist-era year: saved as 2027-06-30", reading.Notice);
    }

    [Theory]
    [InlineData("2027-06-30")]
    [InlineData("30/6/2027")]
    public void A_gregorian_date_is_read_as_it_is_without_a_notice(string typed)
    {
        var reading = ChallengeDates.Read(typed);

        Assert.Equal((new DateOnly(2027, 6, 30), (string?)null, (string?)null), (reading.Date, reading.Notice, reading.Problem));
    }

    [Fact]
    public void The_twenty_ninth_of_february_follows_the_gregorian_year_it_converts_to()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), ChallengeDates.Read("29/2/2567").Date);
        Assert.NotNull(ChallengeDates.Read("29/2/2570").Problem);
    }

    [Theory]
    [InlineData("3113-06-30")]
    [InlineData("0203-06-30")]
    [InlineData("31/2/2570")]
    [InlineData("next tuesday")]
    [InlineData("2027-13-01")]
    public void Impossible_dates_are_refused_with_a_message(string typed)
    {
        var reading = ChallengeDates.Read(typed);

        Assert.Null(reading.Date);
        Assert.False(string.IsNullOrWhiteSpace(reading.Problem));
    }
}
