using Marketplace.Core.Domain;

using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Organisations;

public sealed class JuristicNumberTests
{
    [Theory]
    [InlineData("0105536000372")]
    [InlineData("0-1055-36000-37-2")]
    [InlineData("0105 536 000 372")]
    public void A_number_with_the_right_check_digit_is_valid_with_or_without_separators(string number) =>
        Assert.Null(JuristicNumber.Problem(number));

    [Theory]
    [InlineData("0105536000375", "check")]
    [InlineData("010553600037", "13 digits")]
    [InlineData("01055360003741", "13 digits")]
    [InlineData("01055360O0374", "digits only")]
    [InlineData("", "Enter")]
    public void An_invalid_number_says_what_is_wrong(string number, string expectedWords)
    {
        using var _ = new EnglishCulture();
        Assert.Contains(expectedWords, JuristicNumber.Problem(number));
    }

    [Fact]
    public void The_message_is_in_Thai_by_default()
    {
        using var _ = new ThaiCulture();
        Assert.Contains("13 หลัก", JuristicNumber.Problem("123"));
    }

    [Fact]
    public void The_sign_up_hints_example_number_passes_the_check_in_both_languages()
    {
        foreach (var culture in new[] { "th-TH", "en-US" })
        {
            var hint = Marketplace.Core.Common.Texts.In(System.Globalization.CultureInfo.GetCultureInfo(culture), "Pages.Account.Register.TheDigitNumberFromTheDepartment");
            var example = System.Text.RegularExpressions.Regex.Match(hint, @"\d{13}").Value;
            Assert.Null(JuristicNumber.Problem(example));
        }
    }
}
