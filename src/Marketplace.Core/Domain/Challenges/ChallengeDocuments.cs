using Marketplace.Core.Common;
using Marketplace.Core.Domain.Documents;

namespace Marketplace.Core.Domain.Challenges;

/// <summary>Who is asking to read a document: their organisation and whether NIA staff.</summary>
public sealed record DocumentReader(string? UserId, int? OrganisationId, bool IsModerator);

/// <summary>
/// Documents follow what they belong to: the challenge's own documents and clarification attachments are public with
/// the challenge; a proposal's documents are sealed exactly like the proposal (<see cref="RequireCanSeeProposals"/>).
/// </summary>
public sealed partial class Challenge
{
    /// <summary>Terms of reference and specifications, until proposals close (an addendum after publication is normal).</summary>
    public Document AttachDocument(DocumentKind kind, string? fileName, byte[] bytes, string userId, DateTimeOffset now)
    {
        if (kind is not (DocumentKind.TermsOfReference or DocumentKind.Specification))
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.ChooseTheKindOfDocument"));
        if (!CanBeDeleted && !IsOpenForProposals(now))
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.DocumentsCanBeAddedOnlyUntil"));
        return Document.Create(Id, null, null, kind, fileName, bytes, userId, now);
    }

    public Document AttachToAnswer(ChallengeQuestion question, string? fileName, byte[] bytes, string userId, DateTimeOffset now)
    {
        if (question.ChallengeId != Id)
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.ThisQuestionDoesNotBelongTo"));
        if (!IsOpenForProposals(now))
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.QuestionsCanBeAnsweredOnlyUntil"));
        return Document.Create(Id, null, question.Id, DocumentKind.Clarification, fileName, bytes, userId, now);
    }

    public Document AttachToProposal(Proposal proposal, DocumentKind kind, string? fileName, byte[] bytes, string userId, DateTimeOffset now)
    {
        RequireOwn(proposal);
        if (kind is not (DocumentKind.ProposalTechnical or DocumentKind.ProposalPrice))
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.ChooseTheKindOfDocument"));
        if (!IsOpenForProposals(now) || proposal.State != ProposalState.Submitted)
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.DocumentsCanBeAddedOnlyUntil"));
        return Document.Create(Id, proposal.Id, null, kind, fileName, bytes, userId, now);
    }

    /// <summary>Only the challenge's own documents, and only while it is not yet public.</summary>
    public void RequireCanRemove(Document document)
    {
        if (document.ChallengeId != Id || document.Kind is not (DocumentKind.TermsOfReference or DocumentKind.Specification) || !CanBeDeleted)
            Refuse(Texts.Get("Domain.Challenges.ChallengeDocuments.DocumentsCanBeRemovedOnlyBefore"));
    }

    /// <summary>Refuses with a 404 (the document's existence is not revealed) or, to the agency, the seal's 403.</summary>
    public void RequireMayRead(Document document, Proposal? proposal, ChallengeQuestion? question, DocumentReader reader, DateTimeOffset now)
    {
        var agencyStaff = reader.OrganisationId == AgencyId;
        if (document.ChallengeId != Id)
            throw Hidden();
        if (!document.IsProposalDocument)
        {
            var published = document.Kind != DocumentKind.Clarification || question?.Answer is not null;
            if (agencyStaff || reader.IsModerator || (IsPublic && published))
                return;
            throw Hidden();
        }
        if (proposal is null || proposal.Id != document.ProposalId)
            throw Hidden();
        if (reader.OrganisationId is { } vendor && vendor == proposal.VendorId)
            return;
        if (!agencyStaff)
            throw Hidden();
        RequireCanSeeProposals(reader.UserId, now);
        if (proposal.State == ProposalState.Withdrawn)
            throw Hidden();
    }

    private static NotFoundException Hidden() => new(Texts.Get("Domain.Challenges.ChallengeDocuments.ThisDocumentDoesNotExist"));
}
