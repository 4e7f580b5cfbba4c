using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// The challenge page at /challenges/{slug}: public once published, with its questions and answers, never
/// naming who asked. The owning agency's staff and moderators also see drafts.
/// </summary>
public static class ChallengeDetails
{
    public sealed record Query(string Slug) : IRequest<Result>;

    public sealed record Result(int Id, string Slug, ChallengeContent Content, ChallengeState State, string AgencyNameTh, string AgencyNameEn,
        DateTimeOffset QuestionsDeadline, DateTimeOffset ProposalsDeadline, DateTimeOffset? PublishedAt, string? Reason,
        bool IsOwner, bool OpenForQuestions, bool OpenForProposals, int ProposalWindowDays, IReadOnlyList<PublicQuestion> Questions,
        IReadOnlyList<TenderDocuments.Summary> Documents);

    /// <summary>No asker: the public never learns which vendor asked what.</summary>
    public sealed record PublicQuestion(int Id, string Text, string? Answer, DateTimeOffset AskedAt)
    {
        public IReadOnlyList<TenderDocuments.Summary> Attachments { get; init; } = [];
    }

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenge = await db.Challenges.AsNoTracking().Include(c => c.Agency).SingleOrDefaultAsync(c => c.Slug == request.Slug, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.ChallengeDetails.ThisChallengeDoesNotExist"));
            var now = clock.Now;
            challenge.CloseIfDue(now);
            var isOwner = user.UserId is not null && await db.OrganisationIdOf(user, cancellationToken) == challenge.AgencyId;
            if (!challenge.IsPublic && !isOwner && !user.IsModerator())
                throw new NotFoundException(Texts.Get("Features.Challenges.ChallengeDetails.ThisChallengeDoesNotExist"));

            var questions = await db.ChallengeQuestions.AsNoTracking().Where(q => q.ChallengeId == challenge.Id)
                .Where(q => isOwner || q.Answer != null).OrderBy(q => q.AskedAt)
                .Select(q => new PublicQuestion(q.Id, q.Text, q.Answer, q.AskedAt)).ToListAsync(cancellationToken);
            var questionIds = questions.Where(q => q.Answer != null).Select(q => q.Id).ToList();
            var attachments = (await db.Documents.AsNoTracking().Where(d => d.QuestionId != null && questionIds.Contains(d.QuestionId.Value))
                .Select(d => new { QuestionId = d.QuestionId!.Value, Summary = new TenderDocuments.Summary(d.Id, d.Kind, d.FileName, d.Format, d.SizeBytes, d.UploadedAt) })
                .ToListAsync(cancellationToken)).ToLookup(d => d.QuestionId, d => d.Summary);
            questions = questions.Select(q => q with { Attachments = attachments[q.Id].ToList() }).ToList();
            return new Result(challenge.Id, challenge.Slug, challenge.Content, challenge.State, challenge.Agency!.NameTh, challenge.Agency.NameEn,
                challenge.QuestionsDeadline, challenge.ProposalsDeadline, challenge.PublishedAt, challenge.Reason, isOwner,
                challenge.IsOpenForQuestions(now), challenge.IsOpenForProposals(now), (int)challenge.ProposalWindow(now).TotalDays, questions,
                await TenderDocuments.PublicOfAsync(db, challenge.Id, cancellationToken));
        }
    }
}
