using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The agency's evaluation room: opens only after the proposal deadline, only to the owning agency. An evaluator
/// declares no conflict of interest, then scores each proposal 0–10 per criterion; everyone sees the weighted totals and ranks.
/// </summary>
public static class Evaluation
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Query(int ChallengeId) : IRequest<Room>;

    public sealed record Room(int ChallengeId, string Slug, string TitleTh, string? TitleEn, ChallengeState State, IReadOnlyList<Criterion> Criteria,
        bool IDeclaredNoConflict, IReadOnlyList<Row> Proposals);

    public sealed record Row(int ProposalId, string VendorNameTh, string VendorNameEn, ProposalTerms Terms, string SolutionTitle, ProposalState State,
        IReadOnlyList<int>? MyScores, int Evaluators, decimal WeightedTotal, int Rank);

    [RequiresRole(Roles.Buyer)]
    public sealed record DeclareNoConflict(int ChallengeId) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Score(int ProposalId, IReadOnlyList<int> Scores) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Shortlist(int ProposalId) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Query, Room>, IRequestHandler<DeclareNoConflict, Unit>, IRequestHandler<Score, Unit>, IRequestHandler<Shortlist, Unit>
    {
        public async Task<Room> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenge = await SealedUntilDeadlineAsync(request.ChallengeId, cancellationToken);
            var declared = await db.ConflictDeclarations.AnyAsync(d => d.ChallengeId == challenge.Id && d.EvaluatorUserId == user.UserId, cancellationToken);
            var proposals = await db.Proposals.AsNoTracking().Include(p => p.Vendor)
                .Where(p => p.ChallengeId == challenge.Id && p.State != ProposalState.Withdrawn).OrderBy(p => p.SubmittedAt).ToListAsync(cancellationToken);
            var ids = proposals.Select(p => p.Id).ToList();
            var scores = await db.ProposalScores.AsNoTracking().Where(s => ids.Contains(s.ProposalId)).ToListAsync(cancellationToken);
            var listingIds = proposals.Select(p => p.Terms.ListingId).ToList();
            // The published title, as the vendor offered it: the working copy may hold edits NIA has not reviewed.
            var titles = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, TitleTh = l.LiveTitleTh ?? l.Draft.TitleTh })
                .ToDictionaryAsync(l => l.Id, l => l.TitleTh, cancellationToken);
            var totals = proposals.Select(p => Scoring.WeightedTotal(challenge.Content.Criteria,
                scores.Where(s => s.ProposalId == p.Id).Select(s => s.Scores).ToList())).ToList();
            var ranks = Scoring.Ranks(totals);
            var rows = proposals.Select((p, i) => new Row(p.Id, p.Vendor!.NameTh, p.Vendor.NameEn, p.Terms, titles.GetValueOrDefault(p.Terms.ListingId, ""),
                p.State, scores.SingleOrDefault(s => s.ProposalId == p.Id && s.EvaluatorUserId == user.UserId)?.Scores,
                scores.Count(s => s.ProposalId == p.Id), totals[i], ranks[i])).OrderBy(r => r.Rank).ToList();
            return new Room(challenge.Id, challenge.Slug, challenge.Content.TitleTh, challenge.Content.TitleEn, challenge.State,
                challenge.Content.Criteria, declared, rows);
        }

        public async Task<Unit> Handle(DeclareNoConflict request, CancellationToken cancellationToken)
        {
            var challenge = await SealedUntilDeadlineAsync(request.ChallengeId, cancellationToken);
            if (challenge.State == ChallengeState.Closed)
                challenge.StartEvaluation(clock.Now);
            if (!await db.ConflictDeclarations.AnyAsync(d => d.ChallengeId == challenge.Id && d.EvaluatorUserId == user.UserId, cancellationToken))
                db.ConflictDeclarations.Add(new ConflictDeclaration(challenge.Id, user.UserId!, clock.Now));
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, $"{user.UserName} declared no conflict of interest");
            return Unit.Value;
        }

        public async Task<Unit> Handle(Score request, CancellationToken cancellationToken)
        {
            var (challenge, proposal) = await ProposalAsync(request.ProposalId, cancellationToken);
            if (challenge.State != ChallengeState.Evaluating)
                throw new DomainRuleException(Bi.T("ให้คะแนนได้ระหว่างการประเมินเท่านั้น", "Proposals can be scored only during evaluation"));
            if (!await db.ConflictDeclarations.AnyAsync(d => d.ChallengeId == challenge.Id && d.EvaluatorUserId == user.UserId, cancellationToken))
                throw new DomainRuleException(Bi.T("ประกาศว่าไม่มีผลประโยชน์ทับซ้อนก่อนให้คะแนน", "Declare that you have no conflict of interest before scoring"));
            if (request.Scores.Count != challenge.Content.Criteria.Count || request.Scores.Any(s => s is < 0 or > 10))
                throw InvalidRequestException.For(nameof(Score.Scores), Bi.T("ให้คะแนน 0–10 ทุกเกณฑ์", "Give every criterion a score from 0 to 10"));

            var existing = await db.ProposalScores.SingleOrDefaultAsync(s => s.ProposalId == proposal.Id && s.EvaluatorUserId == user.UserId, cancellationToken);
            if (existing is null)
                db.ProposalScores.Add(new ProposalScore(proposal.Id, user.UserId!, request.Scores.ToList(), clock.Now));
            else
                existing.Replace(request.Scores.ToList(), clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, $"Scored: {string.Join(", ", request.Scores)}");
            return Unit.Value;
        }

        public async Task<Unit> Handle(Shortlist request, CancellationToken cancellationToken)
        {
            var (challenge, proposal) = await ProposalAsync(request.ProposalId, cancellationToken);
            if (challenge.State != ChallengeState.Evaluating)
                throw new DomainRuleException(Bi.T("คัดเลือกได้ระหว่างการประเมินเท่านั้น", "Proposals can be shortlisted only during evaluation"));
            proposal.Shortlist();
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, "Shortlisted");
            return Unit.Value;
        }

        /// <summary>The agency sees proposals only after the deadline: until then they are sealed even from it.</summary>
        private async Task<Challenge> SealedUntilDeadlineAsync(int challengeId, CancellationToken ct)
        {
            var challenge = await db.OwnChallengeAsync(user, challengeId, clock, ct);
            if (challenge.State is ChallengeState.Draft or ChallengeState.Submitted or ChallengeState.Published)
                throw new ForbiddenException(Bi.T("ข้อเสนอยังปิดผนึกอยู่จนถึงกำหนดส่ง", "Proposals stay sealed until the deadline"));
            return challenge;
        }

        private async Task<(Challenge, Proposal)> ProposalAsync(int proposalId, CancellationToken ct)
        {
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct)
                ?? throw new NotFoundException(Bi.T("ไม่พบข้อเสนอนี้", "This proposal does not exist"));
            return (await SealedUntilDeadlineAsync(proposal.ChallengeId, ct), proposal);
        }
    }
}
