using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Sends the e-mails that commands wrote to the outbox, oldest first, a few seconds after they commit.
/// A failed delivery is retried on the next pass, up to five attempts. Several instances may run this against one
/// database: each message is claimed first with a conditional UPDATE on its own row (a lease), so exactly one
/// dispatcher sends it. The same statement is atomic on SQLite (one writer at a time) and on PostgreSQL (the row lock
/// makes the second UPDATE re-check the condition and match nothing), so no provider-specific SQL is needed.
/// A dispatcher that dies holding a lease lets it expire, and another sends the message then.
/// Each message is rendered just before it is sent (<see cref="OutboxRenderer"/>), in the recipient's language then.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A background service that throws stops the host, and the whole site with it: a pass that fails (the
                // database busy behind a bulk load, a relay answering with an error) must only wait for the next one.
                logger.LogError(e, "Sending the outbox failed; retrying in a few seconds");
            }
        }
    }

    public async Task DispatchPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var renderer = scope.ServiceProvider.GetRequiredService<OutboxRenderer>();
        var now = clock.Now;
        var candidates = await db.OutboxEmails
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        foreach (var id in candidates)
        {
            if (!await TryClaimAsync(db, id, now, ct))
                continue; // another instance took it between our read and our claim
            var mail = await db.OutboxEmails.SingleAsync(m => m.Id == id, ct);
            try
            {
                var rendered = await renderer.RenderAsync(mail, ct);
                await sender.SendAsync(rendered.To, rendered.Subject, rendered.Body, ct);
                mail.MarkSent(clock.Now);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "E-mail {Id} to {To} failed; will retry", mail.Id, mail.To);
                mail.MarkFailed();
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task<bool> TryClaimAsync(MarketplaceDbContext db, long id, DateTimeOffset now, CancellationToken ct) =>
        await db.OutboxEmails
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, now + Lease), ct) == 1;
}

/// <summary>Writes each e-mail as an .eml file in a folder, the way IIS and many relays pick mail up. The default here, since no SMTP relay is reachable.</summary>
public sealed class PickupFolderEmailSender(string folder, IClock clock) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var message = MailMessages.Build(to, subject, body, clock.Now);
        await message.WriteToAsync(Path.Combine(folder, $"{clock.Now.UtcDateTime:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), ct);
    }
}
