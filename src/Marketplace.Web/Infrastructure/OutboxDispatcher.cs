using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Sends the e-mails that commands wrote to the outbox, oldest first, a few seconds after they commit.
/// A failed delivery is retried on the next pass, up to five attempts.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await DispatchPendingAsync(stoppingToken);
    }

    public async Task DispatchPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var pending = await db.OutboxEmails.Where(m => m.SentAt == null && m.Attempts < MaxAttempts).OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        foreach (var mail in pending)
        {
            try
            {
                await sender.SendAsync(mail.To, mail.Subject, mail.Body, ct);
                mail.MarkSent(clock.Now);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "E-mail {Id} to {To} failed; will retry", mail.Id, mail.To);
                mail.MarkFailed();
            }
        }
        await db.SaveChangesAsync(ct);
    }
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
