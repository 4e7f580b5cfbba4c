using Marketplace.Core.Common;

namespace Marketplace.Core.Domain;

/// <summary>
/// The 13-digit number the Department of Business Development gives a Thai juristic person.
/// The last digit is a check digit: (11 − Σ d[i]·(13−i) mod 11) mod 10 over the first twelve digits.
/// </summary>
public static class JuristicNumber
{
    /// <summary>Removes the dashes and spaces people type between groups of digits.</summary>
    public static string Normalise(string? input) =>
        new((input ?? "").Where(c => c is not ('-' or ' ')).ToArray());

    /// <summary>Returns a message saying what is wrong, or null when the number is valid.</summary>
    public static string? Problem(string? input)
    {
        var digits = Normalise(input);
        if (digits.Length == 0)
            return Texts.Get("Domain.JuristicNumber.EnterTheCompanySDigitJuristic");
        if (!digits.All(char.IsAsciiDigit))
            return Texts.Get("Domain.JuristicNumber.TheJuristicPersonNumberMustContain");
        if (digits.Length != 13)
            return Texts.Get("Domain.JuristicNumber.TheJuristicPersonNumberMustHave", digits.Length);
        if (CheckDigit(digits) != digits[12] - '0')
            return Texts.Get("Domain.JuristicNumber.TheJuristicPersonNumberIsNot");
        return null;
    }

    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
            sum += (digits[i] - '0') * (13 - i);
        return (11 - sum % 11) % 10;
    }
}
