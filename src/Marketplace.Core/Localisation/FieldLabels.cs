using System.Globalization;
using FluentValidation;
using Marketplace.Core.Common;

namespace Marketplace.Core.Localisation;

/// <summary>
/// The label a person reads for a form field, in their language: resource key "Field.&lt;PropertyName&gt;". Messages
/// name fields through this, never by the property name; a field without a label is "this field", and the
/// resource tests require a label for every validated property.
/// </summary>
public static class FieldLabels
{
    public const string Prefix = "Field.";

    public static string For(string propertyName)
    {
        var name = propertyName[(propertyName.LastIndexOf('.') + 1)..];
        var bracket = name.IndexOf('[');
        if (bracket >= 0)
            name = name[..bracket];
        return Texts.Resources.GetString(Prefix + name, CultureInfo.CurrentUICulture) ?? Texts.Get(Prefix + "Unknown");
    }

    /// <summary>FluentValidation's own messages ("'{PropertyName}' must not be empty") then read the label.</summary>
    public static void UseForValidationMessages() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
            member is not null ? For(member.Name) : null;
}
