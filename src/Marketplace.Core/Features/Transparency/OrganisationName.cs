namespace Marketplace.Core.Features.Transparency;

/// <summary>An organisation as open data names it: both languages, so a consumer never depends on the reader's culture.</summary>
public sealed record OrganisationName(int Id, string Slug, string NameTh, string NameEn);
