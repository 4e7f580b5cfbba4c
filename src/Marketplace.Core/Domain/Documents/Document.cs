using System.Security.Cryptography;
using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Documents;

/// <summary>What a document is to the tender; it decides who may read it.</summary>
public enum DocumentKind
{
    /// <summary>Public with the challenge: terms of reference.</summary>
    TermsOfReference,

    /// <summary>Public with the challenge: technical specifications and other annexes.</summary>
    Specification,

    /// <summary>Attached to a clarification answer; public with the answer.</summary>
    Clarification,

    /// <summary>Part of a proposal, sealed exactly like it.</summary>
    ProposalTechnical,

    /// <summary>Part of a proposal, sealed exactly like it.</summary>
    ProposalPrice,
}

/// <summary>
/// A file attached to a challenge, a clarification answer or a proposal. Stored in the database beside what it belongs
/// to, so it is saved in the same transaction and every web instance serves it. Created only from bytes that passed
/// <see cref="DocumentFile.Inspect"/> and the virus scanner.
/// </summary>
public sealed class Document
{
    public const int MaxFileNameLength = 200;

    private Document() { }

    private Document(int challengeId, int? proposalId, int? questionId, DocumentKind kind, string fileName, DocumentFormat format,
        byte[] bytes, string uploadedByUserId, DateTimeOffset now)
    {
        ChallengeId = challengeId;
        ProposalId = proposalId;
        QuestionId = questionId;
        Kind = kind;
        FileName = fileName;
        Format = format.Extension;
        ContentType = format.ContentType;
        Bytes = bytes;
        SizeBytes = bytes.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        UploadedByUserId = uploadedByUserId;
        UploadedAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public int? ProposalId { get; private set; }
    public int? QuestionId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string Format { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public string UploadedByUserId { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public bool IsProposalDocument => Kind is DocumentKind.ProposalTechnical or DocumentKind.ProposalPrice;

    /// <summary>Checks the content; the name is kept only for people, with the extension the content proves.</summary>
    internal static Document Create(int challengeId, int? proposalId, int? questionId, DocumentKind kind, string? fileName, byte[] bytes,
        string uploadedByUserId, DateTimeOffset now)
    {
        var (format, problem) = DocumentFile.Inspect(bytes);
        if (problem is not null)
            throw InvalidRequestException.For("File", problem);
        return new Document(challengeId, proposalId, questionId, kind, DocumentFile.SafeName(fileName, format!), format!, bytes, uploadedByUserId, now);
    }
}
