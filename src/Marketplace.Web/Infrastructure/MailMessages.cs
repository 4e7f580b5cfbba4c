using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// Turns an outbox e-mail into a real message: multipart text and HTML, Date, Message-ID, and a transfer encoding
/// that survives any relay (Thai text is UTF-8, quoted-printable or base64; the subject RFC 2047-encoded).
/// Links in the text become clickable in the HTML part.
/// </summary>
public static partial class MailMessages
{
    public const string Domain = "govtech-marketplace.example";

    public static MimeMessage Build(string to, string subject, string body, DateTimeOffset date)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("GovTech Marketplace", "no-reply@" + Domain));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = date;
        message.MessageId = MimeUtils.GenerateMessageId(Domain);
        message.Body = new BodyBuilder { TextBody = body, HtmlBody = Html(body) }.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static string Html(string text)
    {
        var html = Link().Replace(WebUtility.HtmlEncode(text), m => $"<a href=\"{m.Value}\">{m.Value}</a>");
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>{html.Replace("\n\n", "</p><p>").Replace("\n", "<br>")}</p></body></html>";
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
