using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// A challenge that was never published is deleted rather than cancelled: a cancelled challenge is public, and a
/// draft must never become readable by being cancelled.
/// </summary>
public static class DeleteDraftChallenge
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Command(int ChallengeId) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            if (!challenge.CanBeDeleted)
                throw new DomainRuleException(Texts.Get("Features.Challenges.DeleteDraftChallenge.OnlyAnUnpublishedChallengeCanBe"));
            var id = challenge.Id;
            db.Challenges.Remove(challenge);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => id, TextArg.Of("Audit.Summary.ChallengeDraftDeleted", TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn)));
            return Unit.Value;
        }
    }
}
