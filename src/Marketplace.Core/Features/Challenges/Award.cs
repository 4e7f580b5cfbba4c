using FluentValidation;
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
/// The panel awards one or more proposals with the contract value and date; every other vendor is told it was not
/// chosen, with its scores and a message. <see cref="Check"/> runs the same rules without saving, so the page can show
/// "check your answers" before the award is final. Or the agency cancels the published challenge with a reason.
/// </summary>
public static class Award
{
    public abstract class Form
    {
        public int ChallengeId { get; set; }
        public List<Winner> Winners { get; set; } = [];
        public DateOnly? ContractDate { get; set; }
        public string? FeedbackToOthers { get; set; }
    }

    [RequiresRole(Roles.Buyer)]
    public sealed class Check : Form, IRequest<Summary>;

    [RequiresRole(Roles.Buyer)]
    public sealed class Command : Form, ICommand<Unit>;

    public sealed class Winner
    {
        public int ProposalId { get; set; }
        public string? ContractValueBaht { get; set; }
    }

    public sealed record Summary(IReadOnlyList<(string VendorTh, string VendorEn, long ValueSatang, bool OverBudget)> Winners, DateOnly ContractDate, int OthersTold);

    [RequiresRole(Roles.Buyer)]
    public sealed record Cancel(int ChallengeId, string? Reason) : ICommand<Unit>;

    public sealed class FormRules : AbstractValidator<Form>
    {
        public FormRules()
        {
            RuleFor(x => x.Winners).NotEmpty().WithMessage(_ => Texts.Get("Features.Challenges.Award.ChooseAtLeastOneWinningProposal"))
                .Must(w => w.Select(x => x.ProposalId).Distinct().Count() == w.Count)
                .WithMessage(_ => Texts.Get("Features.Challenges.Award.EachProposalCanBeChosenOnce"));
            RuleForEach(x => x.Winners).Must(w => Money.ParseBaht(w.ContractValueBaht) is > 0)
                .WithMessage(_ => Texts.Get("Features.Challenges.Award.EnterTheContractValueInBaht"));
            RuleFor(x => x.ContractDate).NotNull().WithMessage(_ => Texts.Get("Features.Challenges.Award.ChooseTheContractDate"));
            RuleFor(x => x.FeedbackToOthers).NotEmpty().MaximumLength(4000)
                .WithMessage(_ => Texts.Get("Features.Challenges.Award.WriteAMessageToTheVendors"));
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new FormRules());
    }

    public sealed class CheckValidator : AbstractValidator<Check>
    {
        public CheckValidator() => Include(new FormRules());
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Check, Summary>, IRequestHandler<Command, Unit>, IRequestHandler<Cancel, Unit>
    {
        /// <summary>A query: the entities it changes in memory are never saved.</summary>
        public async Task<Summary> Handle(Check request, CancellationToken cancellationToken)
        {
            var (challenge, proposals, _, winners) = await ApplyAsync(request, cancellationToken);
            var chosen = proposals.Where(p => winners.ContainsKey(p.Id))
                .Select(p => (p.Vendor!.NameTh, p.Vendor.NameEn, winners[p.Id], challenge.IsOverBudget(winners[p.Id]))).ToList();
            var summary = new Summary(chosen, request.ContractDate!.Value, proposals.Count(p => p.State == ProposalState.NotSelected));
            // Forget the trial award so that nothing else in this request reads it.
            db.ChangeTracker.Clear();
            return summary;
        }

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (challenge, proposals, _, winners) = await ApplyAsync(request, cancellationToken);
            var title = TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn);
            foreach (var proposal in proposals)
            {
                if (proposal.State == ProposalState.Awarded)
                {
                    await notifier.NotifyOrganisationAsync(proposal.VendorId, Notice.Of("Mail.Awarded", [title], TextArg.Money(proposal.ContractValueSatang!.Value)),
                        $"/challenges/{challenge.Slug}", cancellationToken);
                }
                else if (proposal.State == ProposalState.NotSelected)
                {
                    await notifier.NotifyOrganisationAsync(proposal.VendorId, Notice.Of("Mail.NotSelected", [title],
                        TextArg.Decimal(proposal.WeightedTotal ?? 0), TextArg.Plain(proposal.Feedback)), $"/challenges/{challenge.Slug}/proposal", cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.Awarded", TextArg.Plain(string.Join(", ", winners.Keys)), TextArg.ListOf(winners.Values.Select(TextArg.Money))));
            return Unit.Value;
        }

        private async Task<(Challenge, List<Proposal>, List<ProposalScore>, Dictionary<int, long>)> ApplyAsync(Form request, CancellationToken ct)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, ct);
            var proposals = await db.Proposals.Include(p => p.Vendor).Where(p => p.ChallengeId == challenge.Id && p.State != ProposalState.Withdrawn).ToListAsync(ct);
            var ids = proposals.Select(p => p.Id).ToList();
            var scorers = challenge.Panel.Where(e => e.MayEvaluate).Select(e => e.UserId).ToList();
            var scores = await db.ProposalScores.AsNoTracking().Where(s => ids.Contains(s.ProposalId) && scorers.Contains(s.EvaluatorUserId)).ToListAsync(ct);
            var winners = request.Winners.ToDictionary(w => w.ProposalId, w => Money.ParseBaht(w.ContractValueBaht)!.Value);
            challenge.Award(user.UserId, proposals, scores, winners, request.ContractDate!.Value, _ => request.FeedbackToOthers!.Trim(), clock.Now);
            return (challenge, proposals, scores, winners);
        }

        public async Task<Unit> Handle(Cancel request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            challenge.Cancel(request.Reason ?? "", clock.Now);
            // The vendors who sent proposals are told; their proposals stay sealed and they may withdraw them.
            var vendors = await db.Proposals.Where(p => p.ChallengeId == challenge.Id && p.State != ProposalState.Withdrawn)
                .Select(p => p.VendorId).ToListAsync(cancellationToken);
            foreach (var vendorId in vendors)
                await notifier.NotifyOrganisationAsync(vendorId, Notice.Of("Mail.ChallengeCancelled",
                    [TextArg.Bilingual(challenge.Content.TitleTh, challenge.Content.TitleEn)], TextArg.Plain(challenge.Reason)),
                    $"/challenges/{challenge.Slug}/proposal", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.ChallengeCancelled", TextArg.Plain(request.Reason)));
            return Unit.Value;
        }
    }
}
