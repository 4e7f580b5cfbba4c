namespace Marketplace.Core.Documents;

public enum ScanVerdict { Clean, Infected, Unavailable }

public sealed record ScanResult(ScanVerdict Verdict, string? Detail)
{
    public static ScanResult Clean { get; } = new(ScanVerdict.Clean, null);
}

/// <summary>
/// The virus scanner port: ClamAV's clamd in every environment (<see cref="ClamAvScanner"/>). Uploads fail closed: a
/// scanner that cannot be reached answers <see cref="ScanVerdict.Unavailable"/> and the upload is refused.
/// </summary>
public interface IVirusScanner
{
    Task<ScanResult> ScanAsync(byte[] bytes, CancellationToken ct);

    /// <summary>PING → PONG, and the signature version, for /health.</summary>
    Task<(bool Reachable, string Detail)> StatusAsync(CancellationToken ct);
}
