using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marketplace.Core.Common;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Accounts;
using Marketplace.Core.Features.Challenges;
using Marketplace.Core.Features.Messaging;
using Marketplace.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests.Messaging;

/// <summary>
/// Notifications and e-mails are stored as a template and its arguments and rendered for each reader: in the language
/// the person reads the site in (in-app) or prefers when the e-mail is sent, whatever the sender's language was.
/// </summary>
public sealed partial class NoticeTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private const string Challenge = "dga-single-form-permits";

    [Fact]
    public async Task A_Thai_buyers_answer_reaches_an_English_vendor_in_English_and_in_Thai_once_the_vendor_prefers_Thai()
    {
        var challengeId = await app.QueryDbAsync(db => db.Challenges.Where(c => c.Slug == Challenge).Select(c => c.Id).SingleAsync());
        var question = "Does it work offline? " + Guid.NewGuid().ToString("N")[..6];
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        using (new EnglishCulture())
            await app.SendAsync(new Questions.Ask(challengeId, question));
        var questionId = await app.QueryDbAsync(db => db.ChallengeQuestions.Where(q => q.Text == question).Select(q => q.Id).SingleAsync());
        await app.AsUserAsync(DemoAccounts.Buyer);
        using (new ThaiCulture())
            await app.SendAsync(new Questions.Answer(questionId, "ไม่จำเป็น แต่ต้องบันทึกร่างได้"));

        // In the app: the same stored notification reads in the language of the page the vendor opens.
        await app.AsUserAsync(DemoAccounts.VendorEnglish);
        using (new EnglishCulture())
            Assert.Equal("The agency answered your question", (await app.SendAsync(new MyNotifications.Query())).Items[0].Text);
        using (new ThaiCulture())
            Assert.Equal("หน่วยงานตอบคำถามของคุณแล้ว", (await app.SendAsync(new MyNotifications.Query())).Items[0].Text);

        // By e-mail: in the language the vendor prefers when it is sent, footer included, nothing in Thai.
        var english = (await app.MailsToAsync(DemoAccounts.VendorEnglish)).Last();
        Assert.Equal("The agency answered your question", english.Subject);
        Assert.Contains("ไม่จำเป็น แต่ต้องบันทึกร่างได้", english.Body);
        Assert.Contains("You receive this e-mail because", english.Body);
        Assert.DoesNotContain("คุณได้รับอีเมลนี้", english.Body);

        // The vendor switches to Thai before the dispatcher gets to the e-mail: it goes out in Thai.
        using (new EnglishCulture())
            await app.SendAsync(new UpdateAccount.Command { DisplayName = "Vendor EN", Language = "th" });
        try
        {
            var thai = (await app.MailsToAsync(DemoAccounts.VendorEnglish)).Last();
            Assert.Equal("หน่วยงานตอบคำถามของคุณแล้ว", thai.Subject);
            Assert.Contains("คุณได้รับอีเมลนี้", thai.Body);
            Assert.DoesNotContain("You receive this e-mail", thai.Body);
        }
        finally
        {
            await app.SendAsync(new UpdateAccount.Command { DisplayName = "Vendor EN", Language = "en" });
        }
    }

    [Fact]
    public void Award_feedback_says_weighted_total_in_the_readers_language_not_the_buyers()
    {
        var links = new FixedSiteLinks("https://marketplace.example");
        var notice = Notice.Of("Mail.NotSelected", [TextArg.Bilingual("ระบบขออนุญาต", "Permit system")], TextArg.Decimal(66.667m), TextArg.Plain("ราคาดี"));
        var stored = Notice.FromStored(notice.Key, notice.ArgumentsJson());

        Assert.Equal("Result: Permit system", NoticeText.Subject(stored, Dates.English, links));
        Assert.Equal("Your proposal was not chosen. Weighted total 66.67/100\nราคาดี", NoticeText.Body(stored, Dates.English, links));
        Assert.Equal("ผลการพิจารณา: ระบบขออนุญาต", NoticeText.Subject(stored, Dates.Thai, links));
        Assert.StartsWith("ข้อเสนอของคุณไม่ได้รับเลือก คะแนนรวมถ่วงน้ำหนัก 66.67/100", NoticeText.Body(stored, Dates.Thai, links));
    }

    [Fact]
    public void A_change_request_names_each_field_by_its_label_in_the_readers_language()
    {
        var links = new FixedSiteLinks("https://marketplace.example");
        var line = TextArg.Of("Mail.ListingChangesRequested.Line", TextArg.Of("Domain.Catalogue.ListingDiff.SummaryEnglish"), TextArg.Plain("Shorter, please"));
        var notice = Notice.Of("Mail.ListingChangesRequested", [TextArg.Bilingual("แอป", null)], TextArg.LinesOf([line]));

        var english = NoticeText.Body(notice, Dates.English, links);
        Assert.Contains("- Summary (English): Shorter, please", english);
        Assert.DoesNotContain("SummaryEn", english);
        Assert.Equal("Changes requested on \"แอป\"", NoticeText.Subject(notice, Dates.English, links));
    }

    [Fact]
    public void An_unknown_template_key_is_refused_when_the_message_is_made()
    {
        Assert.Throws<KeyNotFoundException>(() => Notice.Of("Mail.NoSuchMessage", []));
        Assert.Throws<KeyNotFoundException>(() => TextArg.Of("Mail.Order.NoSuchEvent"));
    }

    /// <summary>Every template, argument and footer key written in the code exists in every language's resource file.</summary>
    [Fact]
    public void Every_message_key_in_the_code_exists_in_every_resource_file()
    {
        var source = Directory.GetFiles(Path.Combine(SliceFixture.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Select(File.ReadAllText).ToList();
        var keys = source.SelectMany(s => NoticeKey().Matches(s)).SelectMany(m => new[] { m.Groups[1].Value + ".Subject", m.Groups[1].Value + ".Body" })
            .Concat(source.SelectMany(s => ArgumentKey().Matches(s)).Select(m => m.Groups[1].Value))
            .Concat(source.SelectMany(s => FooterKey().Matches(s)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(keys.Count > 60, $"only {keys.Count} message keys found: has the code's way of naming them changed?");

        foreach (var file in new[] { "SharedText.resx", "SharedText.en-US.resx" })
        {
            var defined = XDocument.Load(Path.Combine(SliceFixture.RepositoryRoot, "src", "Marketplace.Core", "Localisation", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.Empty(keys.Where(k => !defined.Contains(k)).Select(k => $"{file}: {k}"));
        }
    }

    /// <summary>Keys built from a code at run time: one for every value the code can take.</summary>
    [Fact]
    public void Every_key_built_from_a_code_exists_for_every_value()
    {
        var keys = Enum.GetValues<Features.Moderation.ListingDecision>().Select(d => "Audit.Summary.Listing" + d)
            .Concat(Enum.GetValues<Features.Organisations.AccountType>().Select(t => "Audit.Value.AccountType." + t))
            .Concat(Enum.GetValues<Domain.OrganisationKind>().Select(k => "Audit.Value.OrganisationKind." + k))
            .Concat(new[] { Roles.Moderator, Roles.Admin }.Select(r => "Audit.Value.Role." + r))
            .Concat(Enum.GetValues<Domain.Procurement.OrderState>().Where(s => s != Domain.Procurement.OrderState.PendingPayment)
                .Select(s => "Pages.Procurement.OrderLabels." + s));
        foreach (var key in keys)
            _ = TextArg.Of(key);
    }

    // A key built at run time ("Audit.Value.Role." + role) is checked when the message is made instead (TextArg.Of).
    [GeneratedRegex(@"Notice\.Of\(""([^""]+)""\s*[,)]")]
    private static partial Regex NoticeKey();

    [GeneratedRegex(@"TextArg\.Of\(""([^""]+)""\s*[,)]")]
    private static partial Regex ArgumentKey();

    [GeneratedRegex(@"""(Mail\.Footer\.\w+)""")]
    private static partial Regex FooterKey();
}
