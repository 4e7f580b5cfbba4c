namespace Marketplace.Core.Localisation;

/// <summary>
/// Names the interface text resources: SharedText.resx holds Thai (the neutral culture), SharedText.en-US.resx English.
/// Pages read them through <c>IStringLocalizer&lt;SharedText&gt;</c>; code without a page uses <see cref="Common.Texts"/>.
/// scripts/localise.py adds entries from Texts.Get("Localisation.SharedText.English") pairs.
/// </summary>
public sealed class SharedText;
