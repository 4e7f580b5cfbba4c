using System.Runtime.InteropServices;

namespace Marketplace.Benchmarks;

/// <summary>
/// CPU time of the calling thread. The benchmark machine is shared, so wall-clock latency includes waiting for a
/// core; CPU time shows what a query costs by itself. SQLite runs on the calling thread too, so this covers it.
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTimeClock = 3;

    public static double NowMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        ClockGetTime(ThreadCpuTimeClock, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
