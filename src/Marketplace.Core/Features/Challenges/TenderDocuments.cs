using Marketplace.Core.Behaviours;
using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Documents;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Documents;
using Marketplace.Core.Domain.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Challenges;

/// <summary>
/// Tender documents: the agency attaches terms of reference and specifications, a vendor attaches technical and price
/// documents to its own proposal, and anyone downloads what the rules of what it belongs to let them read.
/// </summary>
public static class TenderDocuments
{
    public sealed record Summary(int Id, DocumentKind Kind, string FileName, string Format, long SizeBytes, DateTimeOffset UploadedAt);

    [RequiresRole(Roles.Buyer)]
    public sealed record AttachToChallenge(int ChallengeId, DocumentKind Kind, Upload? File) : ICommand<Unit>;

    [RequiresRole(Roles.Vendor)]
    public sealed record AttachToProposal(int ChallengeId, DocumentKind Kind, Upload? File) : ICommand<Unit>;

    [RequiresRole(Roles.Buyer)]
    public sealed record Remove(int DocumentId) : ICommand<Unit>;

    public sealed record Download(int DocumentId) : IRequest<File>;

    public sealed record File(string FileName, string ContentType, byte[] Bytes);

    public sealed class Handler(MarketplaceDbContext db, ICurrentUser user, IClock clock, AuditTrail audit, DocumentScreening screening)
        : IRequestHandler<AttachToChallenge, Unit>, IRequestHandler<AttachToProposal, Unit>, IRequestHandler<Remove, Unit>, IRequestHandler<Download, File>
    {
        public async Task<Unit> Handle(AttachToChallenge request, CancellationToken cancellationToken)
        {
            var upload = Require(request.File);
            var challenge = await db.OwnChallengeAsync(user, request.ChallengeId, clock, cancellationToken);
            var document = challenge.AttachDocument(request.Kind, upload.FileName, upload.Bytes, user.UserId!, clock.Now);
            await screening.RequireCleanAsync(upload, cancellationToken);
            db.Documents.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.DocumentAttached", TextArg.Of("Pages.Challenges.DocumentList." + KindKey(document.Kind)), TextArg.Plain(document.FileName), TextArg.Plain($"{document.SizeBytes}"), TextArg.Plain(document.Sha256)));
            return Unit.Value;
        }

        public async Task<Unit> Handle(AttachToProposal request, CancellationToken cancellationToken)
        {
            var upload = Require(request.File);
            var challenge = await db.FindChallengeAsync(request.ChallengeId, clock, cancellationToken);
            var vendorId = await db.OrganisationIdOf(user, cancellationToken);
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.ChallengeId == challenge.Id && p.VendorId == vendorId, cancellationToken)
                ?? throw new DomainRuleException(Texts.Get("Features.Challenges.TenderDocuments.SendYourProposalFirstThenAttach"));
            var document = challenge.AttachToProposal(proposal, request.Kind, upload.FileName, upload.Bytes, user.UserId!, clock.Now);
            await screening.RequireCleanAsync(upload, cancellationToken);
            db.Documents.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Proposal), () => proposal.Id, TextArg.Of("Audit.Summary.DocumentAttached", TextArg.Of("Pages.Challenges.DocumentList." + KindKey(document.Kind)), TextArg.Plain(document.FileName), TextArg.Plain($"{document.SizeBytes}"), TextArg.Plain(document.Sha256)));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Remove request, CancellationToken cancellationToken)
        {
            var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.TenderDocuments.ThisDocumentDoesNotExist"));
            var challenge = await db.OwnChallengeAsync(user, document.ChallengeId, clock, cancellationToken);
            challenge.RequireCanRemove(document);
            db.Documents.Remove(document);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Challenge), () => challenge.Id, TextArg.Of("Audit.Summary.DocumentRemoved", TextArg.Plain(document.FileName)));
            return Unit.Value;
        }

        public async Task<File> Handle(Download request, CancellationToken cancellationToken)
        {
            var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken)
                ?? throw new NotFoundException(Texts.Get("Features.Challenges.TenderDocuments.ThisDocumentDoesNotExist"));
            var challenge = await db.FindChallengeAsync(document.ChallengeId, clock, cancellationToken);
            var proposal = document.ProposalId is { } pid ? await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, cancellationToken) : null;
            var question = document.QuestionId is { } qid ? await db.ChallengeQuestions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == qid, cancellationToken) : null;
            var reader = new DocumentReader(user.UserId, user.UserId is null ? null : await db.OrganisationIdOf(user, cancellationToken), user.IsModerator());
            challenge.RequireMayRead(document, proposal, question, reader, clock.Now);
            return new File(document.FileName, document.ContentType, document.Bytes);
        }

        private static Upload Require(Upload? file) =>
            file is { Bytes.Length: > 0 } ? file : throw InvalidRequestException.For("File", Texts.Get("Features.Challenges.TenderDocuments.ChooseAFileToAttach"));

        /// <summary>The label people read for a kind of document (the same the document lists show).</summary>
        private static string KindKey(DocumentKind kind) => kind switch
        {
            DocumentKind.ProposalTechnical => "TechnicalProposal",
            DocumentKind.ProposalPrice => "PriceProposal",
            _ => kind.ToString(),
        };
    }

    /// <summary>The documents anyone reading the challenge may see: its own, and those of published answers.</summary>
    internal static Task<List<Summary>> PublicOfAsync(MarketplaceDbContext db, int challengeId, CancellationToken ct) =>
        db.Documents.AsNoTracking().Where(d => d.ChallengeId == challengeId && d.ProposalId == null && d.QuestionId == null)
            .OrderBy(d => d.Kind).ThenBy(d => d.Id)
            .Select(d => new Summary(d.Id, d.Kind, d.FileName, d.Format, d.SizeBytes, d.UploadedAt)).ToListAsync(ct);

    internal static Task<List<Summary>> OfProposalAsync(MarketplaceDbContext db, int proposalId, CancellationToken ct) =>
        db.Documents.AsNoTracking().Where(d => d.ProposalId == proposalId).OrderBy(d => d.Kind).ThenBy(d => d.Id)
            .Select(d => new Summary(d.Id, d.Kind, d.FileName, d.Format, d.SizeBytes, d.UploadedAt)).ToListAsync(ct);
}
