using FluentValidation;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Organisations;

/// <summary>The fields of an organisation's profile, as a form fills them.</summary>
public interface IProfileFields
{
    string? NameTh { get; }
    string? NameEn { get; }
    string? ProvinceCode { get; }
    string? Website { get; }
    string? ContactEmail { get; }
    string? ContactPhone { get; }
}

/// <summary>Rules shared by registration and profile editing, with messages that say what to do.</summary>
public static class ProfileRules
{
    public static void AddProfileRules<T>(this AbstractValidator<T> v, MarketplaceDbContext db) where T : IProfileFields
    {
        v.RuleFor(x => x.NameTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterTheOrganisationSNameIn"))
            .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.TheNameMustBeCharactersOr"));
        v.RuleFor(x => x.NameEn).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterTheOrganisationSNameIn2"))
            .MaximumLength(200).WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.TheNameMustBeCharactersOr"));
        v.RuleFor(x => x.ProvinceCode)
            .MustAsync(async (code, ct) => code is not null && await db.Provinces.AnyAsync(p => p.Code == code, ct))
            .WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.ChooseTheProvinceWhereTheOrganisation"));
        v.RuleFor(x => x.Website).Must(BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterAWebsiteAddressStartingWith"));
        v.RuleFor(x => x.ContactEmail).NotEmpty().WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterAContactEMailAddress"))
            .EmailAddress().WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterAnEMailAddressLike"));
        v.RuleFor(x => x.ContactPhone).Matches(@"^\+?[0-9][0-9 \-]{7,18}$").When(x => !string.IsNullOrWhiteSpace(x.ContactPhone))
            .WithMessage(_ => Texts.Get("Features.Organisations.ProfileRules.EnterAPhoneNumberInDigits"));
    }

    public static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.');
}
