using FluentValidation;
using Marketplace.Core;
using Marketplace.Core.Common;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Localisation;
using Marketplace.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Tests.Localisation;

/// <summary>Validation messages name fields by the label people read, never by the property name.</summary>
public sealed class FieldLabelTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public void Every_validated_property_has_a_label_in_the_resource_files()
    {
        using var scope = app.Services.CreateScope();
        var validators = typeof(CoreServices).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => (IValidator)(t == typeof(ChallengeFormValidator) || t == typeof(ListingFormValidator)
                ? ActivatorUtilities.CreateInstance(scope.ServiceProvider, t, (IReadOnlySet<string>)new HashSet<string>())
                : ActivatorUtilities.CreateInstance(scope.ServiceProvider, t))).ToList();
        Assert.True(validators.Count > 20, $"only {validators.Count} validators found");

        var missing = validators.SelectMany(v => v.CreateDescriptor().GetMembersWithValidators().Select(m => m.Key).Where(k => !string.IsNullOrEmpty(k)))
            .Select(p => p[(p.LastIndexOf('.') + 1)..])
            .Where(name => Texts.Resources.GetString(FieldLabels.Prefix + name) is null)
            .Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void A_default_message_names_the_field_by_its_Thai_or_English_label()
    {
        var validator = new ChallengeFormValidator(new HashSet<string>());
        string MessageFor(string field) => validator.Validate(new ChallengeForm()).Errors.First(e => e.PropertyName == field).ErrorMessage;

        using (new ThaiCulture())
            Assert.Contains("อีเมลติดต่อ", MessageFor("ContactEmail"));
        using (new EnglishCulture())
        {
            Assert.Contains("Contact e-mail address", MessageFor("ContactEmail"));
            Assert.DoesNotContain("Contact Email", MessageFor("ContactEmail"));
        }
    }
}
