using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Marketplace.Web.Tests.Support;

/// <summary>
/// Reads the .eml files the site's pickup-folder sender wrote, as a person reads their inbox. Delivers the outbox
/// first (the same dispatcher the site runs every few seconds) so a test need not wait for it.
/// </summary>
public static partial class Mailbox
{
    /// <summary>The path and query of the newest link to <paramref name="path"/> in a message to <paramref name="to"/>.</summary>
    public static async Task<string> LinkAsync(MarketplaceFactory factory, string to, string path) =>
        (await FullLinkAsync(factory, to, path)).PathAndQuery;

    /// <summary>The newest link to <paramref name="path"/> in a message to <paramref name="to"/>, exactly as written in the e-mail.</summary>
    public static async Task<Uri> FullLinkAsync(MarketplaceFactory factory, string to, string path)
    {
        foreach (var message in await MessagesToAsync(factory, to))
        {
            var link = Link().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path);
            if (link is not null)
                return link;
        }
        throw new InvalidOperationException($"No e-mail to {to} with a link to {path}");
    }

    /// <summary>The messages delivered to <paramref name="to"/>, newest first, parsed as a mail program would.</summary>
    public static async Task<List<MimeMessage>> MessagesToAsync(MarketplaceFactory factory, string to)
    {
        var dispatcher = factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        var folder = Path.Combine(factory.DataFolder, "mail-pickup");
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc).ThenByDescending(f => f))
        {
            var message = await LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                messages.Add(message);
        }
        return messages;
    }

    /// <summary>The site's own dispatcher runs every few seconds too and may be writing this very file: wait for it.</summary>
    private static async Task<MimeMessage> LoadAsync(string file)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MimeMessage.LoadAsync(file);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Registers through the form, confirms through the e-mailed link and signs in: a member the site trusts.</summary>
    public static async Task RegisterConfirmedAsync(this Visitor visitor, MarketplaceFactory factory, IDictionary<string, string> form, string page = "/account/register")
    {
        using (var registered = await visitor.PostFormAsync(page, new Dictionary<string, string>(form) { ["Input.AcceptPrivacy"] = "true" }))
            if (registered.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Registration failed: {registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        var (status, _) = await visitor.GetAsync(await LinkAsync(factory, form["Input.Email"], "/account/confirm-email"));
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"Confirmation failed: {status}");
        await visitor.SignInAsync(form["Input.Email"], form["Input.Password"]);
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Link();
}
