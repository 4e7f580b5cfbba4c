namespace Marketplace.Benchmarks;

/// <summary>What one engine did at one size.</summary>
internal sealed record Measurement(int Size, string Engine, double BuildPerSecond, IReadOnlyList<Sample> Latencies,
    double ThaiRecall, string Note)
{
    public double Percentile(double p, string? kind = null, bool cpu = false, IReadOnlySet<string>? queries = null)
    {
        var sorted = Latencies.Where(l => (kind is null || l.Kind == kind) && (queries is null || queries.Contains(l.Query)))
            .Select(l => cpu ? l.CpuMs : l.WallMs).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        // Nearest-rank: the smallest sample at or above p percent of all samples.
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>One timed query: its kind and text, wall-clock time, and the CPU time of the thread that ran it.</summary>
internal readonly record struct Sample(string Kind, string Query, double WallMs, double CpuMs);
