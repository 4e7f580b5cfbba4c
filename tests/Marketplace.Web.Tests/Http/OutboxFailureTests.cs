using System.Collections.Concurrent;
using System.Net;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

/// <summary>The site with a relay that refuses some addresses with an error that is not an I/O error.</summary>
public sealed class RefusingRelayFactory : MarketplaceFactory
{
    public RefusingRelay Relay { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(Relay));
    }
}

public sealed class RefusingRelay : IEmailSender
{
    public const string RefusedDomain = "@refused.example.org";

    public TaskCompletionSource Refused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Accepted { get; } = new();

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        if (!to.EndsWith(RefusedDomain, StringComparison.Ordinal))
        {
            Accepted.Enqueue(to);
            return Task.CompletedTask;
        }
        Refused.TrySetResult();
        throw new InvalidOperationException("550 relay refused");
    }
}

/// <summary>
/// A background service that throws stops the host, and with it the site: the outbox dispatcher's own timer must
/// survive a failed pass (it once ended the page benchmark's site when SQLite was busy behind a bulk load).
/// </summary>
public sealed class OutboxFailureTests(RefusingRelayFactory factory) : IClassFixture<RefusingRelayFactory>
{
    [Fact]
    public async Task A_failed_pass_of_the_outbox_leaves_the_site_up_and_the_next_e_mail_is_sent()
    {
        using var client = factory.CreateClient();
        await AddEmailAsync("someone" + RefusingRelay.RefusedDomain);
        await factory.Relay.Refused.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await AddEmailAsync("later@example.org");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!factory.Relay.Accepted.Contains("later@example.org") && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        Assert.Contains("later@example.org", factory.Relay.Accepted);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private async Task AddEmailAsync(string to)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        db.OutboxEmails.Add(new OutboxEmail(to, null, "en", Notice.Of("Mail.QuestionAnswered", [], TextArg.Plain("Outbox test")), null,
            "Mail.Footer.NamedContact", "http://localhost", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
