using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The panel that evaluates a challenge: the chair invites colleagues from the same agency, and each member declares
/// no conflict of interest (or declares one and is excluded) before seeing any proposal.
/// </summary>
public static class EvaluationPanel
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Invite(int ChallengeId, string? Email) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Declare(int ChallengeId, bool Conflict, string? Note = null) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Invite, Unit>, IRequestHandler<Declare, Unit>
    {
        public async Task<Unit> Handle(Invite request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            var email = request.Email?.Trim() ?? "";
            var colleague = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email.ToUpperInvariant())
                .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken)
                ?? throw InvalidRequestException.For("Email", Texts.Get("Features.Challenges.EvaluationPanel.NoOneInYourAgencyHas"));
            var colleagueAgency = await db.OrganisationIdOf(new Member(colleague.Id), cancellationToken);
            challenge.InviteEvaluator(user.UserId!, colleague.Id, colleagueAgency, clock.Now);
            await notifier.NotifyUserAsync(colleague.Id, Notice.Of("Mail.EvaluatorInvited", [TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn)]),
                $"/agency/challenges/{challenge.Id}/evaluation", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.EvaluatorInvited", TextArg.Plain(colleague.Email)));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Declare request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            challenge.Declare(user.UserId, request.Conflict, request.Note, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, request.Conflict
                ? TextArg.Of("Audit.Summary.ConflictDeclared", TextArg.Plain(user.UserName), TextArg.Plain(request.Note))
                : TextArg.Of("Audit.Summary.NoConflictDeclared", TextArg.Plain(user.UserName)));
            return Unit.Value;
        }

        /// <summary>Membership is read through the one membership rule, for the colleague rather than the signed-in user.</summary>
        private sealed class Member(string id) : ICurrentUser
        {
            public string? UserId => id;
            public string? UserName => null;
            public bool IsInRole(string role) => false;
        }
    }
}
