using Marketplace.Core.Common;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Transparency;

public enum RedFlagKind { SingleProposal, ShortWindow, RepeatWinner }

/// <summary>
/// A pattern in an award that deserves a second look. Not an accusation: each one is explained in plain words so
/// a citizen or journalist knows why it is shown and what it might mean.
/// </summary>
public sealed record RedFlag(RedFlagKind Kind, string ExplanationTh, string ExplanationEn, int? VendorId = null)
{
    /// <summary>A stable, language-neutral code for the CSV and the JSON API.</summary>
    public string Code => Kind switch
    {
        RedFlagKind.SingleProposal => "single_proposal",
        RedFlagKind.ShortWindow => "short_window",
        _ => "repeat_winner",
    };

    public string Explanation => Bi.Pick(ExplanationTh, ExplanationEn);
}

public static class RedFlags
{
    /// <summary>Repeated wins become notable from the second award by the same agency to the same vendor.</summary>
    public const int RepeatWinThreshold = 2;

    /// <summary>Whole days, rounded down, so a window shown as 27 days is always one the register flags as short.</summary>
    public static int WindowDays(DateTimeOffset publishedAt, DateTimeOffset proposalsDeadline) =>
        (int)Math.Floor((proposalsDeadline - publishedAt).TotalDays);

    public static IReadOnlyList<RedFlag> For(int standingProposals, DateTimeOffset publishedAt, DateTimeOffset proposalsDeadline,
        OrganisationName agency, IEnumerable<(OrganisationName Vendor, int WinsFromAgency)> winners)
    {
        var flags = new List<RedFlag>();
        if (standingProposals == 1)
            flags.Add(new RedFlag(RedFlagKind.SingleProposal,
                "มีผู้ยื่นข้อเสนอเพียงรายเดียว จึงไม่มีการแข่งขันด้านราคาและคุณภาพ",
                "Only one proposal was received, so price and quality were not tested by competition."));

        if (proposalsDeadline - publishedAt < Challenge.RecommendedWindow)
        {
            var days = WindowDays(publishedAt, proposalsDeadline);
            flags.Add(new RedFlag(RedFlagKind.ShortWindow,
                $"เปิดรับข้อเสนอเพียง {days} วัน น้อยกว่า 28 วันที่แนะนำ ผู้ประกอบการรายอื่นอาจเตรียมข้อเสนอไม่ทัน",
                $"Proposals were open for only {days} days, less than the recommended 28, so other vendors may not have had time to prepare one."));
        }

        foreach (var (vendor, wins) in winners.Where(w => w.WinsFromAgency >= RepeatWinThreshold))
            flags.Add(new RedFlag(RedFlagKind.RepeatWinner,
                $"{vendor.NameTh} ได้รับงานจาก{agency.NameTh}มาแล้ว {wins} ครั้ง การชนะซ้ำจากหน่วยงานเดียวกันควรได้รับการตรวจสอบว่าแข่งขันอย่างเป็นธรรม",
                $"{vendor.NameEn} has won {wins} awards from {agency.NameEn}; repeated wins from one agency deserve a check that the competition was fair.",
                vendor.Id));
        return flags;
    }
}
