using Marketplace.Core.Common;

namespace Marketplace.Web.Statistics;

/// <summary>
/// The choropleth's colours: nothing is its own light grey, and the rest is split into up to four equal steps of the
/// largest value in a sequential blue palette (dark enough at the top for a white outline to stay visible). Counts
/// round the steps up to whole numbers, so small maxima give fewer, never empty, steps.
/// </summary>
public sealed class MapScale
{
    public const string NoneColour = "#eef1f4";
    private static readonly string[] Colours = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    private readonly List<(double Upper, string Colour)> _steps = [];

    public MapScale(IEnumerable<double> values, bool wholeNumbers, Func<double, string> format)
    {
        var max = values.DefaultIfEmpty(0).Max();
        var lower = 0.0;
        for (var k = 1; k <= Colours.Length && max > 0; k++)
        {
            var upper = wholeNumbers ? Math.Ceiling(max * k / Colours.Length) : max * k / Colours.Length;
            if (upper <= lower)
                continue;
            var from = wholeNumbers ? lower + 1 : lower;
            Legend.Add((Colours[k - 1], wholeNumbers && from == upper ? format(upper)
                : Texts.Get("Statistics.MapScale.To", format(from), format(upper))));
            _steps.Add((upper, Colours[k - 1]));
            lower = upper;
        }
        Legend.Insert(0, (NoneColour, format(0)));
    }

    /// <summary>Each colour with the values it stands for, lowest first.</summary>
    public List<(string Colour, string Label)> Legend { get; } = [];

    public string ColourOf(double value) => value <= 0 ? NoneColour : _steps.First(s => value <= s.Upper + 1e-9).Colour;
}
