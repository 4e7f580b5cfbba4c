using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Documents;

public sealed record ClamAvSettings(string Host = "127.0.0.1", int Port = 3310, int TimeoutSeconds = 30);

/// <summary>
/// Speaks clamd's protocol over TCP: "zINSTREAM\0", then chunks each prefixed with a 4-byte big-endian length, then a
/// zero-length chunk; clamd answers "stream: OK", "stream: &lt;signature&gt; FOUND" or "… ERROR". No client package is
/// served here, and the protocol is small enough to own.
/// </summary>
public sealed class ClamAvScanner(ClamAvSettings settings, ILogger<ClamAvScanner> logger) : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;

    public async Task<ScanResult> ScanAsync(byte[] bytes, CancellationToken ct)
    {
        try
        {
            var reply = await TalkAsync("zINSTREAM\0", async stream =>
            {
                var length = new byte[4];
                for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
                {
                    var size = Math.Min(ChunkSize, bytes.Length - offset);
                    BinaryPrimitives.WriteUInt32BigEndian(length, (uint)size);
                    await stream.WriteAsync(length, ct);
                    await stream.WriteAsync(bytes.AsMemory(offset, size), ct);
                }
                await stream.WriteAsync(new byte[4], ct);
            }, ct);
            if (reply.EndsWith(" OK", StringComparison.Ordinal))
                return ScanResult.Clean;
            if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
                return new ScanResult(ScanVerdict.Infected, reply["stream: ".Length..^" FOUND".Length]);
            logger.LogWarning("clamd could not scan an upload: {Reply}", reply);
            return new ScanResult(ScanVerdict.Unavailable, reply);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "clamd is unreachable at {Host}:{Port}", settings.Host, settings.Port);
            return new ScanResult(ScanVerdict.Unavailable, e.Message);
        }
    }

    public async Task<(bool Reachable, string Detail)> StatusAsync(CancellationToken ct)
    {
        try
        {
            var pong = await TalkAsync("zPING\0", null, ct);
            var version = await TalkAsync("zVERSION\0", null, ct);
            return (pong == "PONG", version);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (false, e.Message);
        }
    }

    private async Task<string> TalkAsync(string command, Func<NetworkStream, Task>? body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var client = new TcpClient();
        await client.ConnectAsync(settings.Host, settings.Port, timeout.Token);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command), timeout.Token);
        if (body is not null)
            await body(stream);
        using var reply = new MemoryStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            reply.Write(buffer, 0, read);
            if (buffer[read - 1] == 0)
                break;
        }
        return Encoding.ASCII.GetString(reply.ToArray()).TrimEnd('\0').Trim();
    }
}
