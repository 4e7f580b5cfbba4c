using Marketplace.Core.Common;
using Marketplace.Core.Domain;
using Marketplace.Core.Features.Transparency;
using Marketplace.Web.Infrastructure;
using Marketplace.Web.Statistics;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Transparency;

/// <summary>
/// Public statistics: charts drawn on the server as SVG, each with a table of the same numbers whose figures link to
/// the filtered list behind them. Filters and the map's measure are in the query string, so it works without script.
/// </summary>
public sealed class StatisticsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Map { get; set; }

    public StatisticsResult? Figures { get; private set; }
    public StatisticsCharts Charts { get; private set; } = null!;
    public MapMeasure Measure { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        PagePreview.Put(ViewData, new PagePreview(Texts.Get("Pages.Transparency.Statistics.PublicInnovationProcurementInFigures"),
            Texts.Get("Pages.Transparency.Statistics.ListingsBySectorCategoryAndProvince")));
        var (year, sector, measure) = (ParseYear(), ParseSector(), ParseMeasure());
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Charts = new StatisticsCharts(null, null);
            return Page();
        }
        Measure = measure;
        Figures = await mediator.Send(new PublicStatistics.Query(year, sector), HttpContext.RequestAborted);
        Charts = new StatisticsCharts(year, sector);
        return Page();
    }

    /// <summary>A Gregorian year, or a Buddhist-era one (2400 and later, as Thai readers write it).</summary>
    private int? ParseYear()
    {
        if (string.IsNullOrWhiteSpace(Year))
            return null;
        if (int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            year = year >= 2400 ? year - 543 : year;
            if (year is >= PublicStatistics.FirstYear and <= PublicStatistics.LastYear)
                return year;
        }
        ModelState.AddModelError(nameof(Year), Texts.Get("Pages.Transparency.Statistics.EnterTheYearAsFourDigits", PublicStatistics.FirstYear, PublicStatistics.LastYear));
        return null;
    }

    private Sector? ParseSector()
    {
        if (string.IsNullOrWhiteSpace(Sector))
            return null;
        if (Enum.TryParse<Sector>(Sector, ignoreCase: true, out var sector) && Enum.IsDefined(sector) && !int.TryParse(Sector, out _))
            return sector;
        ModelState.AddModelError(nameof(Sector), Texts.Get("Pages.Transparency.Statistics.ChooseGovTechCivilTechOrEdTechFrom"));
        return null;
    }

    private MapMeasure ParseMeasure()
    {
        if (string.IsNullOrWhiteSpace(Map) || Map.Equals("listings", StringComparison.OrdinalIgnoreCase))
            return MapMeasure.Listings;
        if (Map.Equals("value", StringComparison.OrdinalIgnoreCase))
            return MapMeasure.Value;
        ModelState.AddModelError("", Texts.Get("Pages.Transparency.Statistics.TheMapShowsEitherListingsOr"));
        return MapMeasure.Listings;
    }

    /// <summary>This page with the same filters and another map measure.</summary>
    public string WithMeasure(MapMeasure measure) =>
        "/statistics" + QueryString.Create(new Dictionary<string, string?>
        {
            ["year"] = Figures?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sector"] = Figures?.Sector?.ToString(),
            ["map"] = measure == MapMeasure.Value ? "value" : null,
        }.Where(p => p.Value is not null)) + "#map";
}
