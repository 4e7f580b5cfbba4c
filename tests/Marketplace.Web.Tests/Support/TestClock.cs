using Marketplace.Core.Common;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// The site's clock in tests: real time plus an offset that a test moves forward, for example past a challenge's
/// deadline. Until a test moves it, it is the real clock, so tests that never touch it behave as before.
/// </summary>
public sealed class TestClock : IClock
{
    private long _offsetTicks;

    public DateTimeOffset Now => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
