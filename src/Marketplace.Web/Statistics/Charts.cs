namespace Marketplace.Web.Statistics;

/// <summary>A horizontal bar chart and the table under it; every bar's figure links to the list it counts.</summary>
/// <param name="Id">The chart's element id, for its heading and tests.</param>
/// <param name="CountHeading">When set, the table adds a column of how many awards or orders each sum adds up.</param>
/// <param name="Total">The table's total row, when the bars add up to something meaningful.</param>
public sealed record BarChart(string Id, string Title, string LabelHeading, string ValueHeading, IReadOnlyList<Bar> Bars,
    string? CountHeading = null, Bar? Total = null)
{
    public double Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
}

/// <param name="Text">The value as people read it ("1,250,000 บาท").</param>
/// <param name="Href">The filtered list behind the figure, or null when the site has no such list.</param>
public sealed record Bar(string Label, double Value, string Text, string? Href, int? Count = null, string? CountHref = null);

public enum MapMeasure { Listings, Value }
