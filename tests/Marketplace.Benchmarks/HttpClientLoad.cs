using System.Diagnostics;
using System.Net;

namespace Marketplace.Benchmarks;

/// <summary>A small closed-loop load generator for machines without wrk: each connection sends its next request when the last answered.</summary>
internal static class HttpClientLoad
{
    public static async Task<(long Requests, double P50, double P99, long Errors, double Seconds)> RunAsync(
        string url, string? cookie, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler);
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            long errors = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", PageBenchmark.AcceptEncoding);
                if (cookie is not null)
                    request.Headers.Add("Cookie", cookie);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if ((int)response.StatusCode >= 400)
                    errors++;
            }
            return (latencies, errors);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        double At(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p / 100 * all.Length))];
        return (all.Length, At(50), At(99), results.Sum(r => r.errors), seconds);
    }
}
