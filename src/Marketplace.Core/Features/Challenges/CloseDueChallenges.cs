using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Domain.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// Closes every published challenge whose proposal deadline has passed; run by a timer on every web instance, audited
/// like any command. Each close is claimed with a conditional UPDATE on the version the pass read, so when two
/// instances run the pass at once each challenge is closed by one of them, and the other does nothing: no error, no
/// second audit row. Returns how many this pass closed.
/// </summary>
public static class CloseDueChallenges
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(MarketplaceDbContext db, IClock clock, AuditTrail audit) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.Now;
            var due = await db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Published && c.ProposalsDeadline <= now)
                .Select(c => new { Challenge = c, Version = EF.Property<long>(c, ConcurrencyTokens.Version) }).ToListAsync(cancellationToken);
            var closed = 0;
            foreach (var (challenge, version) in due.Select(d => (d.Challenge, d.Version)))
            {
                // The entity decides; the claim succeeds only if nobody changed the row since it was read (PostgreSQL
                // makes the loser wait for the winner's commit, then finds the version moved on).
                if (!challenge.CloseIfDue(now) || await ClaimAsync(challenge, version, cancellationToken) == 0)
                    continue;
                audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ClosedAtDeadline", TextArg.OnDay(challenge.ProposalsDeadline)));
                // The conditional UPDATE bypasses change tracking: tell every instance's cached challenge pages.
                db.ChangeLog.Add(new ChangeLogEntry(ChangeLogEntry.PublicRecordEntity, challenge.Id, now));
                closed++;
            }
            if (closed == 0)
                audit.NothingHappened();
            return closed;
        }

        private Task<int> ClaimAsync(Challenge challenge, long version, CancellationToken ct) =>
            db.Challenges.Where(c => c.Id == challenge.Id && EF.Property<long>(c, ConcurrencyTokens.Version) == version)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.State, challenge.State)
                    .SetProperty(c => EF.Property<long>(c, ConcurrencyTokens.Version), version + 1), ct);
    }
}
