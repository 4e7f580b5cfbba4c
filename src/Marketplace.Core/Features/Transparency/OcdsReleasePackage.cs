using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Domain.Documents;
using Marketplace.Core.Features.Transparency.Ocds;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// Every public challenge as an OCDS 1.1 release package: a tender release when it was published and an award release
/// when it was awarded, and a contract release per paid order (<see cref="OcdsContracts"/>), oldest first. Drafts and challenges waiting for moderation never appear.
/// </summary>
public static class OcdsReleasePackage
{
    public const string PublisherName = "GovTech Marketplace";

    /// <summary><paramref name="SiteUrl"/> is the site's absolute base address, e.g. "https://marketplace.example".</summary>
    public sealed record Query(string SiteUrl) : IRequest<OcdsPackage>;

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, OcdsPackage>
    {
        public async Task<OcdsPackage> Handle(Query request, CancellationToken cancellationToken)
        {
            var challenges = await db.Challenges.AsNoTracking().PublicOnly()
                .OrderBy(c => c.Id)
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
                .ToListAsync(cancellationToken);
            var proposals = await db.Proposals.AsNoTracking()
                .Where(p => p.State != ProposalState.Withdrawn)
                .Select(p => new
                {
                    p.Id,
                    p.ChallengeId,
                    p.State,
                    p.ContractValueSatang,
                    p.ContractDate,
                    Vendor = new OrganisationName(p.VendorId, p.Vendor!.Slug, p.Vendor.NameTh, p.Vendor.NameEn),
                })
                .ToListAsync(cancellationToken);
            var byChallenge = proposals.ToLookup(p => p.ChallengeId);
            var site = request.SiteUrl.TrimEnd('/');
            var documents = await PublicDocumentsAsync(site, cancellationToken);

            var releases = challenges
                .Select(c => new ChallengeFacts(c.Id, c.Slug, c.Content, c.Agency, c.PublishedAt!.Value, c.QuestionsDeadline,
                    c.ProposalsDeadline, c.State == ChallengeState.Awarded ? c.AwardedAt : null, byChallenge[c.Id].Count(),
                    byChallenge[c.Id].Where(p => p.State == ProposalState.Awarded)
                        .Select(p => new WinningProposal(p.Id, p.Vendor, p.ContractValueSatang ?? 0) { ContractDate = p.ContractDate }).ToList())
                {
                    Documents = documents[c.Id].ToList(),
                    CancelledAt = c.State == ChallengeState.Cancelled ? c.CancelledAt : null,
                    CancellationReason = c.State == ChallengeState.Cancelled ? c.Reason : null,
                })
                .SelectMany(OcdsReleases.For)
                .Concat(await OcdsContracts.ForPaidOrdersAsync(db, cancellationToken))
                .OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            releases = await WithLegalIdentifiersAsync(releases, site, cancellationToken);
            // For a package made on demand, the standard asks for the date of the latest change to its contents.
            var publishedDate = releases.Count > 0 ? releases.Max(r => r.Date) : clock.Now;
            return new OcdsPackage($"{site}/api/ocds/releases", "1.1", publishedDate, new OcdsPublisher(PublisherName, site), releases);
        }

        /// <summary>Each party carries its legal identifier (juristic number when it has one) and its public page.</summary>
        private async Task<List<OcdsRelease>> WithLegalIdentifiersAsync(List<OcdsRelease> releases, string site, CancellationToken ct)
        {
            var organisations = await db.Organisations.AsNoTracking()
                .Select(o => new { o.Slug, o.Kind, o.NameTh, o.JuristicNumber })
                .ToDictionaryAsync(o => OcdsIdentifiers.Party(o.Slug), ct);
            OcdsParty Identified(OcdsParty party) => organisations.TryGetValue(party.Id, out var o)
                ? party with
                {
                    Identifier = OcdsIdentifiers.LegalIdentifier(o.JuristicNumber, o.NameTh,
                        $"{site}/{(o.Kind == Domain.OrganisationKind.Agency ? "agencies" : "vendors")}/{o.Slug}"),
                }
                : party;
            return releases.Select(r => r with { Parties = r.Parties.Select(Identified).ToList() }).ToList();
        }

        /// <summary>The documents the challenge page shows to everyone: never a proposal's, never an unanswered question's.</summary>
        private async Task<ILookup<int, OcdsDocument>> PublicDocumentsAsync(string site, CancellationToken ct)
        {
            var answered = db.ChallengeQuestions.Where(q => q.Answer != null).Select(q => q.Id);
            var rows = await db.Documents.AsNoTracking()
                .Where(d => d.ProposalId == null && (d.QuestionId == null || answered.Contains(d.QuestionId.Value)))
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
}
