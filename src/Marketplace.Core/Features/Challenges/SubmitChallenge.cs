using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Agency staff send a draft to NIA's moderators. A window under 28 days is allowed but comes back with a warning.</summary>
public static class SubmitChallenge
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Command(int ChallengeId) : ICommand<Result>;

    public sealed record Result(string? Warning);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            challenge.Submit(clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengeSubmitted", TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn)));
            var days = (int)challenge.ProposalWindow(clock.Now).TotalDays;
            return new Result(challenge.ProposalWindow(clock.Now) < Challenge.RecommendedWindow
                ? Texts.Get("Features.Challenges.SubmitChallenge.TheProposalWindowIsDaysShorter", days)
                : null);
        }
    }
}
