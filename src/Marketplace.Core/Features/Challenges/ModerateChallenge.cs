using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Matching;
using Marketplace.Core.Features.Messaging;
using MediatR;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// A moderator publishes a submitted challenge, or sends it back with a reason. On publication the best
/// matching vendors and every vendor whose saved alert fits are told, each in their own language.
/// </summary>
public static class ModerateChallenge
{
    [RequiresRole(Roles.Moderator, Roles.Admin)]
    public sealed class Command : ICommand<Unit>
    {
        public int ChallengeId { get; set; }
        public bool Publish { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit, Notifier notifier, VendorMatcher matcher, MatchingSettings settings)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var title = challenge.Content.TitleTh;
            if (!request.Publish)
            {
                challenge.ReturnToDraft(request.Reason ?? "");
                await notifier.NotifyOrganisationAsync(challenge.AgencyId, new BilingualMessage($"โจทย์ \"{title}\" ถูกส่งกลับให้แก้ไข",
                    $"Challenge \"{challenge.Content.TitleEn ?? title}\" was sent back", "เหตุผล: " + request.Reason, "Reason: " + request.Reason),
                    $"/agency/challenges/edit/{challenge.Id}", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record(nameof(Challenge), () => challenge.Id, $"Sent back '{title}': {request.Reason}");
                return Unit.Value;
            }

            challenge.Publish(challenge.Agency!, clock.Now);
            var link = $"/challenges/{challenge.Slug}";
            var message = new BilingualMessage($"โจทย์ใหม่ที่เหมาะกับคุณ: {title}", $"A new challenge that fits you: {challenge.Content.TitleEn ?? title}",
                $"{challenge.Agency!.NameTh} ประกาศโจทย์ที่ตรงกับโซลูชันของคุณ รับข้อเสนอถึง {Dates.Day(challenge.ProposalsDeadline, Dates.Thai)}",
                $"{challenge.Agency.NameEn} posted a challenge that matches your solutions. Proposals close {Dates.Day(challenge.ProposalsDeadline, Dates.English)}.");
            var matched = (await matcher.MatchAsync(challenge, settings.NotifyTopVendors, cancellationToken)).Select(m => m.VendorId);
            var alerted = await matcher.VendorsWithMatchingAlertsAsync(challenge, cancellationToken);
            foreach (var vendorId in matched.Union(alerted))
                await notifier.NotifyOrganisationAsync(vendorId, message, link, cancellationToken);
            await notifier.NotifyOrganisationAsync(challenge.AgencyId, new BilingualMessage($"เผยแพร่โจทย์ \"{title}\" แล้ว",
                $"Challenge \"{challenge.Content.TitleEn ?? title}\" is published", "สตาร์ทอัพที่เหมาะสมได้รับแจ้งแล้ว", "Matching startups have been told."),
                link, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, $"Published '{title}'");
            return Unit.Value;
        }
    }
}
