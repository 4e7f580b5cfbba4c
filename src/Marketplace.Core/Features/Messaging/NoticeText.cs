using System.Globalization;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Messaging;

/// <summary>Renders a stored <see cref="Notice"/> in one language; the one place that turns its arguments into words.</summary>
public static class NoticeText
{
    public static string Subject(Notice notice, CultureInfo culture, ISiteLinks links) => Format(notice.Key + ".Subject", notice.Subject, culture, links);

    public static string Body(Notice notice, CultureInfo culture, ISiteLinks links) => Format(notice.Key + ".Body", notice.Body, culture, links);

    private static string Format(string key, IReadOnlyList<TextArg>? args, CultureInfo culture, ISiteLinks links) =>
        Texts.In(culture, key, (args ?? []).Select(a => (object?)Render(a, culture, links)).ToArray());

    public static string Render(TextArg arg, CultureInfo culture, ISiteLinks links)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        return arg switch
        {
            { Text: { } text } => text,
            { Th: { } thai } => english && !string.IsNullOrWhiteSpace(arg.En) ? arg.En : thai,
            { Key: { } key } => Format(key, arg.Args, culture, links),
            { Lines: { } lines } => string.Join(arg.Separator ?? "\n", lines.Select(l => Render(l, culture, links))),
            { Day: { } day } => Dates.Day(day, culture),
            { Satang: { } satang } => Money.Format(satang, culture),
            { Number: { } number } => number.ToString("0.##", culture),
            { Path: { } path } => links.Absolute(path),
            _ => "",
        };
    }
}

/// <summary>An outbox e-mail as the recipient reads it.</summary>
public sealed record RenderedEmail(string To, string Subject, string Body);

/// <summary>
/// Renders an outbox e-mail when it is sent, in the language its recipient prefers at that moment (a change of
/// preference after the event but before sending is honoured): subject, body, link and the footer saying why.
/// </summary>
public sealed class OutboxRenderer(MarketplaceDbContext db)
{
    public async Task<RenderedEmail> RenderAsync(OutboxEmail mail, CancellationToken ct)
    {
        var language = mail.RecipientUserId is null ? mail.Language
            : await db.Users.Where(u => u.Id == mail.RecipientUserId).Select(u => u.Language).SingleOrDefaultAsync(ct) ?? mail.Language;
        CultureInfo[] cultures = language switch
        {
            "en" => [Dates.English],
            "th" => [Dates.Thai],
            _ => [Dates.Thai, Dates.English],
        };
        var links = new FixedSiteLinks(mail.SiteAddress);
        var notice = mail.Notice;
        var subject = string.Join(" / ", cultures.Select(c => NoticeText.Subject(notice, c, links)));
        var body = string.Join("\n\n", cultures.Select(c => NoticeText.Body(notice, c, links)));
        var link = mail.Link is null ? "" : "\n\n" + links.Absolute(mail.Link);
        var footer = string.Join("\n", cultures.Select(c => Texts.In(c, mail.FooterKey, links.Absolute("/account"))));
        return new RenderedEmail(mail.To, subject, $"{body}{link}\n\n-- \n{footer}");
    }
}
