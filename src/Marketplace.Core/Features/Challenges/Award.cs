using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The agency awards one or more proposals with the contract value and date; every other vendor is told it was
/// not chosen, with its scores and a message. Or the agency cancels the challenge with a reason.
/// </summary>
public static class Award
{
    [RequiresRole(Roles.Buyer)]
    public sealed class Command : ICommand<Unit>
    {
        public int ChallengeId { get; set; }
        public List<Winner> Winners { get; set; } = [];
        public DateOnly? ContractDate { get; set; }
        public string? FeedbackToOthers { get; set; }
    }

    public sealed class Winner
    {
        public int ProposalId { get; set; }
        public string? ContractValueBaht { get; set; }
    }

    [RequiresRole(Roles.Buyer)]
    public sealed record Cancel(int ChallengeId, string? Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Winners).NotEmpty().WithMessage(_ => Bi.T("เลือกข้อเสนอที่ได้รับงานอย่างน้อยหนึ่งรายการ", "Choose at least one winning proposal"));
            RuleForEach(x => x.Winners).Must(w => Money.ParseBaht(w.ContractValueBaht) is > 0)
                .WithMessage(_ => Bi.T("กรอกมูลค่าสัญญาเป็นบาท", "Enter the contract value in baht"));
            RuleFor(x => x.ContractDate).NotNull().WithMessage(_ => Bi.T("เลือกวันที่ทำสัญญา", "Choose the contract date"));
            RuleFor(x => x.FeedbackToOthers).NotEmpty().MaximumLength(4000)
                .WithMessage(_ => Bi.T("เขียนข้อความถึงผู้ที่ไม่ได้รับเลือก", "Write a message to the vendors that were not chosen"));
        }
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier)
        : IRequestHandler<Command, Unit>, IRequestHandler<Cancel, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            var proposals = await db.Proposals.Where(p => p.ChallengeId == challenge.Id && p.State != ProposalState.Withdrawn).ToListAsync(cancellationToken);
            var winners = request.Winners.ToDictionary(w => w.ProposalId, w => Money.ParseBaht(w.ContractValueBaht)!.Value);
            if (!winners.Keys.All(id => proposals.Any(p => p.Id == id)))
                throw InvalidRequestException.For(nameof(Command.Winners), Bi.T("ข้อเสนอที่เลือกไม่ได้อยู่ในโจทย์นี้", "A chosen proposal does not belong to this challenge"));

            challenge.MarkAwarded(clock.Now);
            var ids = proposals.Select(p => p.Id).ToList();
            var scores = await db.ProposalScores.AsNoTracking().Where(s => ids.Contains(s.ProposalId)).ToListAsync(cancellationToken);
            var title = challenge.Content.TitleTh;
            foreach (var proposal in proposals)
            {
                if (winners.TryGetValue(proposal.Id, out var value))
                {
                    proposal.Award(value, request.ContractDate!.Value, null);
                    await notifier.NotifyOrganisationAsync(proposal.VendorId, new BilingualMessage($"คุณได้รับงาน: {title}", $"You won: {challenge.Content.TitleEn ?? title}",
                        $"มูลค่าสัญญา {Money.Format(value)}", $"Contract value THB {value / 100m:#,0.##}"), $"/challenges/{challenge.Slug}", cancellationToken);
                    continue;
                }
                var total = Scoring.WeightedTotal(challenge.Content.Criteria, scores.Where(s => s.ProposalId == proposal.Id).Select(s => s.Scores).ToList());
                proposal.NotSelected($"{request.FeedbackToOthers!.Trim()}\n{Bi.T("คะแนนรวมถ่วงน้ำหนัก", "Weighted total")}: {total:0.##}/100");
                await notifier.NotifyOrganisationAsync(proposal.VendorId, new BilingualMessage($"ผลการพิจารณา: {title}", $"Result: {challenge.Content.TitleEn ?? title}",
                    $"ข้อเสนอของคุณไม่ได้รับเลือก คะแนนรวม {total:0.##}/100\n{request.FeedbackToOthers}",
                    $"Your proposal was not chosen. Weighted total {total:0.##}/100\n{request.FeedbackToOthers}"), $"/challenges/{challenge.Slug}/proposal", cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, $"Awarded proposals {string.Join(", ", winners.Keys)} for {string.Join(", ", winners.Values.Select(Money.Format))}");
            return Unit.Value;
        }

        public async Task<Unit> Handle(Cancel request, CancellationToken cancellationToken)
        {
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            challenge.Cancel(request.Reason ?? "");
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, $"Cancelled: {request.Reason}");
            return Unit.Value;
        }
    }
}
