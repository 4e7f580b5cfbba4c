using System.Globalization;

namespace Marketplace.Core.Tests.Support;

/// <summary>Sets the UI culture for the duration of a test, as the web app's localization middleware would.</summary>
public class CultureScope : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    protected CultureScope(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previous;
        GC.SuppressFinalize(this);
    }
}

public sealed class EnglishCulture() : CultureScope("en-US");

public sealed class ThaiCulture() : CultureScope("th-TH");
