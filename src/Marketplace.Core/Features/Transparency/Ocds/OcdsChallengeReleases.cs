using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency.Ocds;

/// <summary>
/// The releases of public challenges as three kinds (<see cref="OcdsReleases"/>): a tender release per published
/// challenge, an award release per challenge awarded to at least one proposal, a cancellation release per cancelled
/// one. Drafts and challenges waiting for moderation are never public, so they have none. A batch reads only its own
/// challenges' facts: proposals for awards, public documents for tenders.
/// </summary>
public sealed class OcdsChallengeReleases(MarketplaceDbContext db, string site)
{
    private IQueryable<Challenge> Public => db.Challenges.AsNoTracking().PublicOnly();

    public OcdsReleaseKind Tenders => new(
        Public.Select(c => new ReleaseKey { Id = c.Id, Date = c.PublishedAt!.Value, Order = c.Id.ToString() }),
        (keys, ct) => ReleasesAsync(keys, documents: true, proposals: false, c => OcdsReleases.Tender(c), ct));

    public OcdsReleaseKind Awards => new(
        Public.Where(c => c.State == ChallengeState.Awarded && c.AwardedAt != null
                && db.Proposals.Any(p => p.ChallengeId == c.Id && p.State == ProposalState.Awarded))
            .Select(c => new ReleaseKey { Id = c.Id, Date = c.AwardedAt!.Value, Order = c.Id.ToString() }),
        (keys, ct) => ReleasesAsync(keys, documents: false, proposals: true, c => OcdsReleases.Award(c, c.AwardedAt!.Value), ct));

    public OcdsReleaseKind Cancellations => new(
        Public.Where(c => c.State == ChallengeState.Cancelled && c.CancelledAt != null)
            .Select(c => new ReleaseKey { Id = c.Id, Date = c.CancelledAt!.Value, Order = c.Id.ToString() }),
        (keys, ct) => ReleasesAsync(keys, documents: false, proposals: false, c => OcdsReleases.Cancellation(c, c.CancelledAt!.Value), ct));

    private async Task<IReadOnlyList<OcdsRelease>> ReleasesAsync(IReadOnlyList<ReleaseKey> keys, bool documents, bool proposals,
        Func<ChallengeFacts, OcdsRelease> release, CancellationToken ct)
    {
        if (keys.Count == 0)
            return [];
        var ids = keys.Select(k => k.Id).ToList();
        var challenges = await Public.Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Content,
                c.State,
                c.PublishedAt,
                c.QuestionsDeadline,
                c.ProposalsDeadline,
                c.AwardedAt,
                c.CancelledAt,
                c.Reason,
                Agency = new OrganisationName(c.AgencyId, c.Agency!.Slug, c.Agency.NameTh, c.Agency.NameEn),
            })
            .ToDictionaryAsync(c => c.Id, ct);
        var standing = proposals ? await StandingProposalsAsync(ids, ct) : Enumerable.Empty<StandingProposal>().ToLookup(p => p.ChallengeId);
        var published = documents ? await PublicDocumentsAsync(ids, ct) : Enumerable.Empty<OcdsDocument>().ToLookup(_ => 0);

        // A public challenge is never deleted; the lookup only guards the moment between the two queries.
        var releases = keys.Where(k => challenges.ContainsKey(k.Id)).Select(k => challenges[k.Id]).Select(c => release(
            new ChallengeFacts(c.Id, c.Slug, c.Content, c.Agency, c.PublishedAt!.Value, c.QuestionsDeadline,
                c.ProposalsDeadline, c.State == ChallengeState.Awarded ? c.AwardedAt : null, standing[c.Id].Count(),
                standing[c.Id].Where(p => p.State == ProposalState.Awarded)
                    .Select(p => new WinningProposal(p.Id, p.Vendor, p.ContractValueSatang ?? 0) { ContractDate = p.ContractDate }).ToList())
            {
                Documents = published[c.Id].ToList(),
                CancelledAt = c.State == ChallengeState.Cancelled ? c.CancelledAt : null,
                CancellationReason = c.State == ChallengeState.Cancelled ? c.Reason : null,
            })).ToList();
        var organisations = challenges.Values.Select(c => c.Agency.Id).Concat(standing.SelectMany(g => g).Select(p => p.Vendor.Id));
        return await OcdsReleaseStream.WithLegalIdentifiersAsync(db, releases, organisations, site, ct);
    }

    private sealed record StandingProposal(int Id, int ChallengeId, ProposalState State, long? ContractValueSatang, DateOnly? ContractDate, OrganisationName Vendor);

    /// <summary>Withdrawn proposals are not counted; the others' vendors stay private unless they won.</summary>
    private async Task<ILookup<int, StandingProposal>> StandingProposalsAsync(List<int> challengeIds, CancellationToken ct)
    {
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => challengeIds.Contains(p.ChallengeId) && p.State != ProposalState.Withdrawn)
            .OrderBy(p => p.Id)
            .Select(p => new StandingProposal(p.Id, p.ChallengeId, p.State, p.ContractValueSatang, p.ContractDate,
                new OrganisationName(p.VendorId, p.Vendor!.Slug, p.Vendor.NameTh, p.Vendor.NameEn)))
            .ToListAsync(ct);
        return rows.ToLookup(p => p.ChallengeId);
    }

    /// <summary>The documents the challenge page shows to everyone: never a proposal's, never an unanswered question's.</summary>
    private async Task<ILookup<int, OcdsDocument>> PublicDocumentsAsync(List<int> challengeIds, CancellationToken ct)
    {
        var answered = db.ChallengeQuestions.Where(q => q.Answer != null).Select(q => q.Id);
        var rows = await db.Documents.AsNoTracking()
            .Where(d => challengeIds.Contains(d.ChallengeId) && d.ProposalId == null && (d.QuestionId == null || answered.Contains(d.QuestionId.Value)))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ChallengeId, d.Kind, d.FileName, d.ContentType, d.UploadedAt })
            .ToListAsync(ct);
        return rows.ToLookup(d => d.ChallengeId, d => new OcdsDocument($"document-{d.Id}", d.Kind switch
        {
            DocumentKind.TermsOfReference => "tenderNotice",
            DocumentKind.Specification => "technicalSpecifications",
            _ => "clarifications",
        }, d.FileName, $"{site}/documents/{d.Id}", d.ContentType, d.UploadedAt, "th"));
    }
}
