using Marketplace.Core.Common;
using Marketplace.Core.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Resource-file localisation (IStringLocalizer&lt;SharedText&gt; for the pages) and the model binder's own messages
/// ("The value '1e9' is not valid for DurationDays.") in the page's language, naming the field by its label.
/// </summary>
public static class LocalisationServices
{
    public static IServiceCollection AddMarketplaceLocalisation(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<MvcOptions>(options =>
        {
            var m = options.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => Texts.Get("Binding.ValueIsNotValidFor", value, FieldLabels.For(field)));
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Texts.Get("Binding.ValueIsNotValid", value));
            m.SetUnknownValueIsInvalidAccessor(field => Texts.Get("Binding.FieldIsNotValid", FieldLabels.For(field)));
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => Texts.Get("Binding.NotValid"));
            m.SetValueIsInvalidAccessor(value => Texts.Get("Binding.ValueIsNotValid", value));
            m.SetValueMustBeANumberAccessor(field => Texts.Get("Binding.MustBeANumber", FieldLabels.For(field)));
            m.SetNonPropertyValueMustBeANumberAccessor(() => Texts.Get("Binding.NumberNeeded"));
            m.SetMissingBindRequiredValueAccessor(field => Texts.Get("Binding.FieldIsRequired", FieldLabels.For(field)));
            m.SetMissingKeyOrValueAccessor(() => Texts.Get("Binding.NotValid"));
            m.SetMissingRequestBodyRequiredValueAccessor(() => Texts.Get("Binding.NotValid"));
            m.SetValueMustNotBeNullAccessor(value => Texts.Get("Binding.ValueIsNotValid", value));
        });
        return services;
    }
}
