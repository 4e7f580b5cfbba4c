using System.Globalization;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Times as a person in Thailand reads them: in Thai time (every deadline is the end of a Thai day), in the reader's
/// calendar (th-TH shows the Buddhist era, 2569 for 2026).
/// </summary>
public static class ThaiTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Day(DateTimeOffset at) => at.ToOffset(Offset).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DayAndTime(DateTimeOffset at) => at.ToOffset(Offset).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
