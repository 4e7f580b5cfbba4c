using System.Diagnostics;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// Public pages are served from the output cache until this instance has seen a change (catalogue pages once the
/// index has applied it, every page once the change feed brings a change saved outside a command), which the site
/// promises within two seconds rather than at once. Reads again until the page shows the change or the promise runs out.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> shows)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (shows(value) || clock.Elapsed > Promise)
                return value;
            await Task.Delay(50);
        }
    }
}
