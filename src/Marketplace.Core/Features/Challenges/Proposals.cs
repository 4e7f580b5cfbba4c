using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// A vendor's own proposal to a challenge: whether it may send one (and why not), sending or changing it,
/// and withdrawing it, all only until the deadline. Nobody else reads it here.
/// </summary>
public static class Proposals
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Mine(int ChallengeId) : IRequest<MineResult>;

    public sealed record MineResult(IReadOnlyList<string> Problems, IReadOnlyList<(int Id, string TitleTh, string? TitleEn)> Solutions, Send? Current,
        ProposalState? State, string? Feedback, decimal? WeightedTotal, long BudgetMaxSatang, bool MayWithdraw, IReadOnlyList<TenderDocuments.Summary> Documents);

    [RequiresRole(Roles.Vendor)]
    public sealed class Send : ICommand<Unit>
    {
        public int ChallengeId { get; set; }
        public int ListingId { get; set; }
        public string? Approach { get; set; }
        public string? PriceBaht { get; set; }
        public int? TimelineDays { get; set; }

        /// <summary>The vendor saw the over-budget warning and sends anyway.</summary>
        public bool AcceptOverBudget { get; set; }
    }

    [RequiresRole(Roles.Vendor)]
    public sealed record Withdraw(int ChallengeId) : ICommand<Unit>;

    public sealed class SendValidator : AbstractValidator<Send>
    {
        public SendValidator()
        {
            RuleFor(x => x.Approach).NotEmpty().MaximumLength(8000)
                .WithMessage(_ => Texts.Get("Features.Challenges.Proposals.DescribeYourApproachCharactersAtMost"));
            RuleFor(x => x.PriceBaht).Must(p => Money.ParseBaht(p) is > 0)
                .WithMessage(_ => Texts.Get("Features.Challenges.Proposals.EnterYourPriceInBahtFor"));
            RuleFor(x => x.TimelineDays).NotNull().InclusiveBetween(1, 1095)
                .WithMessage(_ => Texts.Get("Features.Challenges.Proposals.EnterATimelineOfDays"));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit)
        : IRequestHandler<Mine, MineResult>, IRequestHandler<Send, Unit>, IRequestHandler<Withdraw, Unit>
    {
        public async Task<MineResult> Handle(Mine request, CancellationToken cancellationToken)
        {
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var vendorId = await db.OrganisationIdOf(user, cancellationToken);
            var problems = await EligibilityCheck.ProblemsAsync(db, challenge, vendorId, clock.Now, cancellationToken);
            var solutions = vendorId is null ? [] : await EligibilityCheck.PublishedListingsAsync(db, vendorId.Value, cancellationToken);
            var existing = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.VendorId == vendorId, cancellationToken);
            var current = existing is null ? null : new Send
            {
                ChallengeId = challenge.Id,
                ListingId = existing.Terms.ListingId,
                Approach = existing.Terms.Approach,
                PriceBaht = Money.ToBahtInput(existing.Terms.PriceSatang),
                TimelineDays = existing.Terms.TimelineDays,
            };
            var mayWithdraw = existing?.State == ProposalState.Submitted && (challenge.IsOpenForProposals(clock.Now) || challenge.State == ChallengeState.Cancelled);
            return new MineResult(problems, solutions.Select(s => (s.Id, s.Content.TitleTh, s.Content.TitleEn)).ToList(), current, existing?.State, existing?.Feedback, existing?.WeightedTotal,
                challenge.Content.BudgetMaxSatang, mayWithdraw, existing is null ? [] : await TenderDocuments.OfProposalAsync(db, existing.Id, cancellationToken));
        }

        public async Task<Unit> Handle(Send request, CancellationToken cancellationToken)
        {
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var vendorId = await db.OrganisationIdOf(user, cancellationToken);
            var problems = await EligibilityCheck.ProblemsAsync(db, challenge, vendorId, clock.Now, cancellationToken);
            if (problems.Count > 0)
                throw new ForbiddenException(string.Join(" ", problems));
            if (!(await EligibilityCheck.PublishedListingsAsync(db, vendorId!.Value, cancellationToken)).Any(l => l.Id == request.ListingId))
                throw InvalidRequestException.For(nameof(Send.ListingId), Texts.Get("Features.Challenges.Proposals.ChooseOneOfYourCompanyS"));

            var terms = new ProposalTerms(request.ListingId, request.Approach!.Trim(), Money.ParseBaht(request.PriceBaht)!.Value, request.TimelineDays!.Value);
            if (challenge.IsOverBudget(terms.PriceSatang) && !request.AcceptOverBudget)
                throw InvalidRequestException.For(nameof(Send.PriceBaht), Texts.Get("Features.Challenges.Proposals.ThisPriceIsAboveTheChallenge", Money.Format(challenge.Content.BudgetMaxSatang)));
            var existing = await db.Proposals.SingleOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.VendorId == vendorId, cancellationToken);
            var proposal = challenge.ReceiveProposal(vendorId.Value, user.UserId!, terms, existing, clock.Now);
            if (existing is null)
                db.Proposals.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, TextArg.Of("Audit.Summary.ProposalSent", TextArg.Plain($"{challenge.Id}")));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Withdraw request, CancellationToken cancellationToken)
        {
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var vendorId = await db.OrganisationIdOf(user, cancellationToken);
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.VendorId == vendorId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.Proposals.YouHaveNotSentAProposal"));
            challenge.WithdrawProposal(proposal, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, TextArg.Of("Audit.Summary.ProposalWithdrawn", TextArg.Plain($"{challenge.Id}")));
            return Unit.Value;
        }
    }
}
