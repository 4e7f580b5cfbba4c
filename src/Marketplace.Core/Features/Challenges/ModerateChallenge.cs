using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
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
            var titled = TextArg.Bilingual(title, challenge.Content.TitleEn);
            if (!request.Publish)
            {
                challenge.ReturnToDraft(request.Reason ?? "");
                await notifier.NotifyOrganisationAsync(challenge.AgencyId, Notice.Of("Mail.ChallengeSentBack", [titled], TextArg.Plain(request.Reason)),
                    $"/agency/challenges/edit/{challenge.Id}", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengeSentBack", titled, TextArg.Plain(request.Reason)));
                return Unit.Value;
            }

            challenge.Publish(challenge.Agency!, clock.Now);
            var link = $"/challenges/{challenge.Slug}";
            var message = Notice.Of("Mail.ChallengeMatched", [titled],
                TextArg.Bilingual(challenge.Agency!.NameTh, challenge.Agency.NameEn), TextArg.OnDay(challenge.ProposalsDeadline));
            var matched = (await matcher.MatchAsync(challenge, settings.NotifyTopVendors, cancellationToken)).Select(m => m.VendorId);
            var alerted = await matcher.VendorsWithMatchingAlertsAsync(challenge, cancellationToken);
            foreach (var vendorId in matched.Union(alerted))
                await notifier.NotifyOrganisationAsync(vendorId, message, link, cancellationToken);
            await notifier.NotifyOrganisationAsync(challenge.AgencyId, Notice.Of("Mail.ChallengePublished", [titled]), link, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengePublished", titled));
            return Unit.Value;
        }
    }
}
