using FluentValidation;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Features.Organisations;

namespace Marketplace.Core.Features.Catalogue;

/// <summary>
/// What must hold for a listing to be saved at all (a draft may be incomplete; <see cref="ListingQuality"/>
/// decides whether it can be submitted). Messages say what to do, in the person's language.
/// </summary>
public sealed class ListingFormValidator : AbstractValidator<ListingForm>
{
    public ListingFormValidator(IReadOnlySet<string> provinceCodes)
    {
        RuleFor(x => x.TitleTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterTheSolutionSNameIn"))
            .MaximumLength(120).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheNameMustBeCharactersOr"));
        RuleFor(x => x.TitleEn).MaximumLength(120).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheNameMustBeCharactersOr"));
        RuleFor(x => x.SummaryTh).MaximumLength(300).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheSummaryMustBeCharactersOr"));
        RuleFor(x => x.SummaryEn).MaximumLength(300).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheSummaryMustBeCharactersOr"));
        RuleFor(x => x.DescriptionTh).MaximumLength(20000).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheDescriptionMustBeCharactersOr"));
        RuleFor(x => x.DescriptionEn).MaximumLength(20000).WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.TheDescriptionMustBeCharactersOr"));
        RuleFor(x => x.Sector).IsInEnum().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseGovTechCivilTechOrEdTech"));
        RuleFor(x => x.PrimaryCategory).Must(c => NiaCategory.ByNumber(c) is not null)
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseTheMainInnovationCategory"));
        RuleFor(x => x.SecondaryCategories).Must(cs => cs.All(c => NiaCategory.ByNumber(c) is not null))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseSecondaryCategoriesFromTheList"));
        RuleFor(x => x.Provinces).Must(ps => ps.All(provinceCodes.Contains))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseProvincesFromTheList"));
        RuleFor(x => x.Maturity).IsInEnum().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseTheMaturity"));
        RuleFor(x => x.AgenciesUsing).InclusiveBetween(1, 10000).When(x => x.Maturity == Maturity.Production)
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterHowManyAgenciesUseIt"));
        RuleFor(x => x.PricingModel).IsInEnum().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.ChooseThePricingModel"));
        RuleFor(x => x.PriceBaht).Must(p => Money.ParseBaht(p) is not null).When(x => !string.IsNullOrWhiteSpace(x.PriceBaht))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterThePriceInBahtFor"));
        RuleFor(x => x.Website).Must(ProfileRules.BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.Website))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterAWebsiteAddressStartingWith"));
        RuleFor(x => x.DemoUrl).Must(ProfileRules.BeHttpUrl).When(x => !string.IsNullOrWhiteSpace(x.DemoUrl))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterADemoLinkStartingWith"));
        RuleFor(x => x.InnovationListExpires).NotNull().When(x => !string.IsNullOrWhiteSpace(x.InnovationListNumber))
            .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterTheExpiryDateOfThe"));
        RuleFor(x => x.InnovationListNumber).MaximumLength(40);
        RuleFor(x => x.StorageLocation).MaximumLength(100);
        RuleForEach(x => x.Packages).Where(p => !p.IsBlank).ChildRules(package =>
        {
            package.RuleFor(p => p.NameTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterThePackageSNameIn"));
            package.RuleFor(p => p.PriceBaht).Must(p => Money.ParseBaht(p) is > 0)
                .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterThePackagePriceInBaht"));
            package.RuleFor(p => p.DurationDays).NotNull().InclusiveBetween(1, 730)
                .WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.EnterADurationOfDays"));
            package.RuleFor(p => p.IncludesTh).NotEmpty().WithMessage(_ => Texts.Get("Features.Catalogue.ListingFormValidator.SayWhatThePackageIncludes"));
        });
    }

    public static async Task<IReadOnlySet<string>> ProvinceCodesAsync(MarketplaceDbContext db, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Provinces.Select(p => p.Code), ct)).ToHashSet();
}
