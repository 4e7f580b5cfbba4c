using FluentValidation;
using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Messaging;
using Marketplace.Core.Features.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>Clarification questions: a vendor asks before the questions deadline; the agency answers for everyone to read.</summary>
public static class Questions
{
    [RequiresRole(Roles.Vendor)]
    public sealed record Ask(int ChallengeId, string? Text) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Answer(int QuestionId, string? Text, Upload? Attachment = null) : ICommand<Unit>;

    public sealed class AskValidator : AbstractValidator<Ask>
    {
        public AskValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(2000)
            .WithMessage(_ => Texts.Get("Features.Challenges.Questions.WriteYourQuestionCharactersAtMost"));
    }

    public sealed class AnswerValidator : AbstractValidator<Answer>
    {
        public AnswerValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(4000)
            .WithMessage(_ => Texts.Get("Features.Challenges.Questions.WriteTheAnswerCharactersAtMost"));
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, Notifier notifier, DocumentScreening screening)
        : IRequestHandler<Ask, Unit>, IRequestHandler<Answer, Unit>
    {
        public async Task<Unit> Handle(Ask request, CancellationToken cancellationToken)
        {
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var vendorId = await db.OrganisationIdOf(user, cancellationToken)
                ?? throw new ForbiddenException(Texts.Get("Features.Challenges.Questions.ThisAccountDoesNotBelongTo"));
            var question = challenge.Ask(vendorId, user.UserId!, request.Text!, clock.Now);
            db.ChallengeQuestions.Add(question);
            var message = Notice.Of("Mail.NewQuestion", [], TextArg.Plain(question.Text));
            await notifier.NotifyOrganisationAsync(challenge.AgencyId, message, $"/challenges/{challenge.Slug}", cancellationToken);
            // The person the challenge names as its contact hears every question, member or not (a member who has
            // confirmed the address already heard it above).
            var contact = challenge.Content.ContactEmail.Trim();
            if (contact.Length > 0 && !await db.Users.AnyAsync(u => u.OrganisationId == challenge.AgencyId && u.EmailConfirmed
                    && u.NormalizedEmail == contact.ToUpperInvariant(), cancellationToken))
                notifier.EmailAddress(contact, message, $"/challenges/{challenge.Slug}");
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(ChallengeQuestion), () => question.Id, TextArg.Of("Audit.Summary.QuestionAsked", TextArg.Plain($"{challenge.Id}")));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Answer request, CancellationToken cancellationToken)
        {
            var question = await db.ChallengeQuestions.SingleOrDefaultAsync(q => q.Id == request.QuestionId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.Questions.ThisQuestionDoesNotExist"));
            var challenge = await db.OwnChallengeAsync(user, question.ChallengeId, clock, cancellationToken);
            challenge.Answer(question, request.Text!, clock.Now);
            if (request.Attachment is { Bytes.Length: > 0 } upload)
            {
                db.Documents.Add(challenge.AttachToAnswer(question, upload.FileName, upload.Bytes, user.UserId!, clock.Now));
                await screening.RequireCleanAsync(upload, cancellationToken);
            }
            await notifier.NotifyOrganisationAsync(question.AskedByVendorId, Notice.Of("Mail.QuestionAnswered", [], TextArg.Plain(question.Answer)), $"/challenges/{challenge.Slug}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(ChallengeQuestion), () => question.Id, TextArg.Of("Audit.Summary.QuestionAnswered", TextArg.Plain($"{challenge.Id}")));
            return Unit.Value;
        }
    }
}
