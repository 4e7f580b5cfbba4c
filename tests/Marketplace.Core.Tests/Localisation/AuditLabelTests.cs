using System.Globalization;
using Marketplace.Core;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Localisation;

namespace Marketplace.Core.Tests.Localisation;

/// <summary>The audit trail names what happened in words ("Sent a proposal"), never by the command's code name.</summary>
public sealed class AuditLabelTests
{
    [Fact]
    public void Every_command_has_an_audit_label_in_every_language()
    {
        var commands = typeof(CoreServices).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .Select(RequestName.Of).Distinct().ToList();
        Assert.True(commands.Count > 50, $"only {commands.Count} commands found");

        foreach (var culture in new[] { "th-TH", "en-US" }.Select(CultureInfo.GetCultureInfo))
        {
            var unlabelled = commands.Where(c => string.IsNullOrWhiteSpace(Texts.Resources.GetString(AuditLabels.ActionPrefix + c, culture))).ToList();
            Assert.True(unlabelled.Count == 0, $"{culture}: no label for {string.Join(", ", unlabelled)}");
        }
    }

    [Fact]
    public void An_action_reads_in_the_page_language()
    {
        using (new Support.ThaiCulture())
            Assert.Equal("ส่งข้อเสนอ", AuditLabels.Action("Proposals.Send"));
        using (new Support.EnglishCulture())
        {
            Assert.Equal("Sent a proposal", AuditLabels.Action("Proposals.Send"));
            Assert.Equal("Question", AuditLabels.Entity("ChallengeQuestion"));
            Assert.Equal("Other action", AuditLabels.Action("SomethingNew"));
        }
    }
}
