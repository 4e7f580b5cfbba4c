using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Support;
using MimeKit;

namespace Marketplace.Web.Tests.Http;

/// <summary>The site configured with its public address, as in production.</summary>
public sealed class PublicAddressFactory() : ConfiguredFactory(new Dictionary<string, string?> { ["Marketplace:PublicBaseUrl"] = EmailTests.PublicBaseUrl });

/// <summary>E-mails are real messages a mail program reads: headers, text and HTML, Thai intact, links that open.</summary>
public sealed partial class EmailTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    public const string PublicBaseUrl = "https://marketplace.example.go.th";
    private const string EnglishVendor = "vendor-en@demo.govtech.example";
    private const string ThaiBuyer = "buyer@demo.govtech.example";
    private const string Challenge = "dga-single-form-permits";

    [Fact]
    public async Task A_Thai_buyers_answer_reaches_an_English_vendor_as_an_English_e_mail_with_headers_and_absolute_links()
    {
        var question = "Does it need to work offline? " + Guid.NewGuid().ToString("N")[..6];
        using (var vendor = Visitor.For(factory))
        {
            await vendor.SignInAsync(EnglishVendor);
            using var asked = await vendor.PostFormAsync($"/challenges/{Challenge}", new Dictionary<string, string> { ["Ask.Text"] = question },
                $"/challenges/{Challenge}?handler=Ask");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }
        var questionId = await QuestionIdAsync(question);
        using (var buyer = Visitor.For(factory))
        {
            await buyer.SignInAsync(ThaiBuyer);
            using var answered = await buyer.PostFormAsync($"/challenges/{Challenge}",
                new Dictionary<string, string> { ["Answer.QuestionId"] = $"{questionId}", ["Answer.Text"] = "ไม่จำเป็น แต่ต้องบันทึกร่างได้" },
                $"/challenges/{Challenge}?handler=Answer");
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var mail = (await Mailbox.MessagesToAsync(factory, EnglishVendor)).First(m => m.TextBody!.Contains("ไม่จำเป็น", StringComparison.Ordinal));
        Assert.Equal("The agency answered your question", mail.Subject);
        Assert.Contains("You receive this e-mail because", mail.TextBody!);
        Assert.DoesNotContain("คุณได้รับอีเมลนี้", mail.TextBody);
        AssertRealMessage(mail);

        var buyerMail = (await Mailbox.MessagesToAsync(factory, ThaiBuyer)).First(m => m.TextBody!.Contains(question, StringComparison.Ordinal));
        Assert.Equal("มีคำถามใหม่ในโจทย์ของคุณ", buyerMail.Subject);
        AssertRealMessage(buyerMail);
    }

    internal static void AssertRealMessage(MimeMessage mail)
    {
        Assert.NotEqual(DateTimeOffset.MinValue, mail.Date);
        Assert.False(string.IsNullOrEmpty(mail.MessageId));
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        Assert.False(string.IsNullOrEmpty(mail.HtmlBody));
        var links = Link().Matches(mail.TextBody!).Select(m => m.Value)
            .Concat(Href().Matches(mail.HtmlBody!).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicBaseUrl + "/", link));
        Assert.DoesNotMatch(@"(?m)^\s*/[a-z]", mail.TextBody!);
    }

    private async Task<int> QuestionIdAsync(string text)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Marketplace.Core.Data.MarketplaceDbContext>(scope.ServiceProvider);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.ChallengeQuestions.Where(q => q.Text == text).Select(q => q.Id));
    }

    [GeneratedRegex(@"(https?://|/)[^\s<>""]*[a-z][^\s<>""]*", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
