using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Catalogue;
using Marketplace.Core.Features.Transparency;
using Marketplace.Web.Api;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>
/// The public award register: every award with its competition figures and red flags, a page at a time, narrowed by
/// the filters of <see cref="AwardParameters"/> (the same as /api/awards and /awards.csv), with the count and total
/// value of everything selected.
/// </summary>
[Infrastructure.PagePreview("Pages.Transparency.Awards.PreviewDescription")]
public sealed class AwardsModel(IMediator mediator, MarketplaceDbContext db, ReferenceData reference, AwardChoices choices) : PageModel
{
    public AwardParameters Parameters { get; private set; } = null!;
    public AwardRegister.Result Register { get; private set; } = new([], 0, 1, AwardRegister.MaxPageSize);
    public IReadOnlyList<OrganisationName> Agencies { get; private set; } = [];
    public IReadOnlyList<OrganisationName> Vendors { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Parameters = AwardParameters.From(Request.Query);
        var (query, problems) = await Parameters.ValidateAsync(db, reference, ct);
        await LoadChoicesAsync(ct);
        if (query is null)
        {
            foreach (var (field, messages) in problems)
                ModelState.AddModelError(field, messages[0]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Register = await mediator.Send(query, ct);
    }

    /// <summary>The choices of the filter form: only organisations and years that have awards, every province (both kept in memory).</summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var awarded = await choices.GetAsync(ct);
        Agencies = [.. awarded.Agencies.OrderBy(o => Bi.Pick(o.NameTh, o.NameEn), StringComparer.CurrentCulture)];
        Vendors = [.. awarded.Vendors.OrderBy(o => Bi.Pick(o.NameTh, o.NameEn), StringComparer.CurrentCulture)];
        Provinces = [.. (await reference.GetAsync(ct)).Provinces.Values.OrderBy(p => p.Code, StringComparer.Ordinal)];
        Years = awarded is { FirstAward: { } f, LastAward: { } l }
            ? Enumerable.Range(Dates.ThaiDay(f).Year, Dates.ThaiDay(l).Year - Dates.ThaiDay(f).Year + 1).Reverse().ToList()
            : [];
    }

    /// <summary>One select of the filter form: its choices, the value in the URL and the message if that value was refused.</summary>
    public sealed record FilterField(string Name, string Label, IReadOnlyList<(string Value, string Text)> Options, string EmptyText,
        string Current, string? Problem);

    public bool IsFiltered => Request.Query.Any(q => q.Key is "agency" or "vendor" or "category" or "province" or "year" or "flag" && !string.IsNullOrEmpty(q.Value));

    public IEnumerable<FilterField> Fields
    {
        get
        {
            var any = Texts.Get("Pages.Transparency.Awards.Any");
            FilterField Field(string name, string labelKey, IEnumerable<(string, string)> options, string? emptyText = null) =>
                new(name, Texts.Get(labelKey), options.ToList(), emptyText ?? any, Request.Query[name].ToString(), ProblemOf(name));
            yield return Field("agency", "Pages.Transparency.Awards.Agency", Agencies.Select(o => (o.Slug, Bi.Pick(o.NameTh, o.NameEn))));
            yield return Field("vendor", "Pages.Transparency.Awards.Vendor", Vendors.Select(o => (o.Slug, Bi.Pick(o.NameTh, o.NameEn))));
            yield return Field("category", "Pages.Transparency.Awards.Category", NiaCategory.All.Select(c => (c.Slug, Bi.Pick(c.NameTh, c.NameEn))));
            yield return Field("province", "Pages.Transparency.Awards.Province", Provinces.Select(p => (p.Code, Bi.Pick(p.NameTh, p.NameEn))));
            yield return Field("year", "Pages.Transparency.Awards.Year", Years.Select(y => (y.ToString(System.Globalization.CultureInfo.InvariantCulture), YearLabel(y))));
            yield return Field("flag", "Pages.Transparency.Awards.RedFlag", Enum.GetValues<RedFlagKind>().Select(k => (k.ToString(), Label(k))));
            yield return Field("sort", "Pages.Transparency.Awards.SortBy",
            [
                ("date_asc", Texts.Get("Pages.Transparency.Awards.OldestFirst")),
                ("value_desc", Texts.Get("Pages.Transparency.Awards.HighestValueFirst")),
                ("value_asc", Texts.Get("Pages.Transparency.Awards.LowestValueFirst")),
            ], Texts.Get("Pages.Transparency.Awards.NewestFirst"));
        }
    }

    /// <summary>The field's message, if the parameter was refused.</summary>
    public string? ProblemOf(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The register's open-data links with the same filters (paging dropped).</summary>
    public string Filtered(string path) => path + QueryString.Create(Request.Query
        .Where(q => q.Key is "agency" or "vendor" or "category" or "province" or "year" or "flag" or "sort" && !string.IsNullOrEmpty(q.Value))
        .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));

    /// <summary>A year as the reader counts it: Buddhist era on Thai pages, Gregorian in English (the URL is always Gregorian).</summary>
    public static string YearLabel(int year) => new DateOnly(year, 7, 1).ToString("yyyy", Dates.Reader());

    public static string Label(RedFlagKind kind) => kind switch
    {
        RedFlagKind.SingleProposal => Texts.Get("Pages.Transparency.Awards.SingleProposal"),
        RedFlagKind.ShortWindow => Texts.Get("Pages.Transparency.Awards.ShortWindow"),
        _ => Texts.Get("Pages.Transparency.Awards.RepeatWinner"),
    };
}
