using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The evaluation room: opens only after the proposal deadline (never for a cancelled challenge), only to the
/// challenge's panel. Before declaring, a member sees the panel and the vendors' names, nothing more; after declaring
/// no conflict, every proposal with every evaluator's scores, comments and means, and scores it 0–10 per criterion.
/// </summary>
public static class Evaluation
{
    [RequiresRole(Roles.Buyer)]
    public sealed record Query(int ChallengeId) : IRequest<Room>;

    public sealed record Room(int ChallengeId, string Slug, string TitleTh, string? TitleEn, ChallengeState State, IReadOnlyList<Criterion> Criteria,
        long BudgetMaxSatang, Declaration MyDeclaration, bool IAmChair, IReadOnlyList<PanelMember> Panel, IReadOnlyList<Vendor> Vendors,
        IReadOnlyList<Row> Proposals, bool EveryProposalScored, IReadOnlyList<Colleague> Colleagues);

    public sealed record PanelMember(string Name, Declaration Declaration, bool Chair);

    public sealed record Colleague(string Email, string Name);

    public sealed record Vendor(string NameTh, string NameEn);

    public sealed record Row(int ProposalId, string VendorNameTh, string VendorNameEn, ProposalTerms Terms, string SolutionTitleTh, string? SolutionTitleEn, ProposalState State,
        bool OverBudget, IReadOnlyList<int>? MyScores, string? MyComment, IReadOnlyList<EvaluatorScores> ByEvaluator, IReadOnlyList<decimal> Means,
        decimal WeightedTotal, int Rank)
    {
        public IReadOnlyList<TenderDocuments.Summary> Documents { get; init; } = [];
    }

    public sealed record EvaluatorScores(string Evaluator, IReadOnlyList<int> Scores, string? Comment);

    [RequiresRole(Roles.Buyer)]
    public sealed record Score(int ProposalId, IReadOnlyList<int> Scores, string? Comment = null) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Shortlist(int ProposalId) : ICommand<Unit>;

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Query, Room>, IRequestHandler<Score, Unit>, IRequestHandler<Shortlist, Unit>
    {
        public async Task<Room> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            var me = challenge.RequireOnPanel(user.UserId, clock.Now);
            var names = await PanelNamesAsync(challenge, cancellationToken);
            var panel = challenge.Panel.Select(e => new PanelMember(names[e.UserId], e.Declaration, e.UserId == challenge.PostedByUserId)).ToList();
            var proposals = await db.Proposals.AsNoTracking().Include(p => p.Vendor)
                .Where(p => p.ChallengeId == challenge.Id && p.State != ProposalState.Withdrawn).OrderBy(p => p.SubmittedAt).ToListAsync(cancellationToken);
            var vendors = proposals.Select(p => new Vendor(p.Vendor!.NameTh, p.Vendor.NameEn)).ToList();
            var colleagues = me.UserId == challenge.PostedByUserId ? await ColleaguesAsync(challenge, cancellationToken) : [];
            var rows = me.MayEvaluate ? await RowsAsync(challenge, proposals, names, cancellationToken) : [];
            var scorers = challenge.Panel.Where(e => e.MayEvaluate).Select(e => e.UserId).ToList();
            var everyScored = rows.Count > 0 && scorers.Any(id => rows.Where(r => r.State is ProposalState.Submitted or ProposalState.Shortlisted)
                .All(r => r.ByEvaluator.Any(s => s.Evaluator == names[id])));
            return new Room(challenge.Id, challenge.Slug, challenge.Content.TitleTh, challenge.Content.TitleEn, challenge.State, challenge.Content.Criteria,
                challenge.Content.BudgetMaxSatang, me.Declaration, me.UserId == challenge.PostedByUserId, panel, vendors, rows, everyScored, colleagues);
        }

        private async Task<List<Row>> RowsAsync(Challenge challenge, List<Proposal> proposals, IReadOnlyDictionary<string, string> names, CancellationToken ct)
        {
            var ids = proposals.Select(p => p.Id).ToList();
            var scorers = challenge.Panel.Where(e => e.MayEvaluate).Select(e => e.UserId).ToList();
            var scores = await db.ProposalScores.AsNoTracking().Where(s => ids.Contains(s.ProposalId) && scorers.Contains(s.EvaluatorUserId))
                .OrderBy(s => s.Id).ToListAsync(ct);
            var listingIds = proposals.Select(p => p.Terms.ListingId).ToList();
            // The published titles, as the vendor offered them (the working copy may hold edits NIA has not reviewed), in both
            // languages so the page shows its reader's.
            var offered = (await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).ToListAsync(ct))
                .ToDictionary(l => l.Id, l => l.Live ?? l.Draft);
            var documents = (await db.Documents.AsNoTracking().Where(d => d.ProposalId != null && ids.Contains(d.ProposalId.Value)).OrderBy(d => d.Kind)
                .Select(d => new { ProposalId = d.ProposalId!.Value, Summary = new TenderDocuments.Summary(d.Id, d.Kind, d.FileName, d.Format, d.SizeBytes, d.UploadedAt) })
                .ToListAsync(ct)).ToLookup(d => d.ProposalId, d => d.Summary);
            var criteria = challenge.Content.Criteria;
            var totals = proposals.Select(p => Scoring.WeightedTotal(criteria, scores.Where(s => s.ProposalId == p.Id).Select(s => s.Scores).ToList())).ToList();
            var ranks = Scoring.Ranks(totals);
            return proposals.Select((p, i) =>
            {
                var own = scores.Where(s => s.ProposalId == p.Id).ToList();
                var mine = own.SingleOrDefault(s => s.EvaluatorUserId == user.UserId);
                var byEvaluator = own.Select(s => new EvaluatorScores(names[s.EvaluatorUserId], s.Scores, s.Comment)).ToList();
                var means = Enumerable.Range(0, criteria.Count).Select(c => decimal.Round(Scoring.Mean(own.Select(s => s.Scores).ToList(), c), 2)).ToList();
                return new Row(p.Id, p.Vendor!.NameTh, p.Vendor.NameEn, p.Terms, offered.GetValueOrDefault(p.Terms.ListingId)?.TitleTh ?? "", offered.GetValueOrDefault(p.Terms.ListingId)?.TitleEn, p.State,
                    challenge.IsOverBudget(p.Terms.PriceSatang), mine?.Scores, mine?.Comment, byEvaluator, means, totals[i], ranks[i])
                { Documents = documents[p.Id].ToList() };
            }).OrderBy(r => r.Rank).ToList();
        }

        private async Task<Dictionary<string, string>> PanelNamesAsync(Challenge challenge, CancellationToken ct)
        {
            var ids = challenge.Panel.Select(e => e.UserId).ToList();
            return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, ct);
        }

        private async Task<List<Colleague>> ColleaguesAsync(Challenge challenge, CancellationToken ct)
        {
            var onPanel = challenge.Panel.Select(e => e.UserId).ToList();
            return await db.Users.AsNoTracking().Where(u => u.OrganisationId == challenge.AgencyId && !onPanel.Contains(u.Id))
                .OrderBy(u => u.Email).Select(u => new Colleague(u.Email!, u.DisplayName)).ToListAsync(ct);
        }

        public async Task<Unit> Handle(Score request, CancellationToken cancellationToken)
        {
            var (challenge, proposal) = await ProposalAsync(request.ProposalId, cancellationToken);
            var existing = await db.ProposalScores.SingleOrDefaultAsync(s => s.ProposalId == proposal.Id && s.EvaluatorUserId == user.UserId, cancellationToken);
            var score = challenge.Score(user.UserId, proposal, existing, request.Scores, request.Comment, clock.Now);
            if (existing is null)
                db.ProposalScores.Add(score);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, TextArg.Of("Audit.Summary.Scored", TextArg.Plain(string.Join(", ", request.Scores))));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Shortlist request, CancellationToken cancellationToken)
        {
            var (challenge, proposal) = await ProposalAsync(request.ProposalId, cancellationToken);
            challenge.Shortlist(user.UserId, proposal, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, TextArg.Of("Audit.Summary.Shortlisted"));
            return Unit.Value;
        }

        private async Task<(Challenge, Proposal)> ProposalAsync(int proposalId, CancellationToken ct)
        {
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.Evaluation.ThisProposalDoesNotExist"));
            return (await db.OwnChallengeAsync(user, proposal.ChallengeId, clock, ct), proposal);
        }
    }
}
