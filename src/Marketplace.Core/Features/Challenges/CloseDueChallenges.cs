using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Closes every published challenge whose proposal deadline has passed; run by a timer, audited like any command.</summary>
public static class CloseDueChallenges
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Challenges.Where(c => c.State == ChallengeState.Published && c.ProposalsDeadline <= now).ToListAsync(cancellationToken);
            var closed = due.Where(c => c.CloseIfDue(now)).ToList();
            foreach (var challenge in closed)
                audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ClosedAtDeadline", TextArg.OnDay(challenge.ProposalsDeadline)));
            if (closed.Count == 0)
                audit.NothingHappened();
            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }
    }
}
