using Marketplace.Core.Common;
using Marketplace.Core.Data;
using Marketplace.Core.Features.Transparency.Ocds;
using MediatR;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// Every public challenge as an OCDS 1.1 release package: a tender release when it was published, an award release
/// when it was awarded, a cancellation release when it was cancelled, and a contract release per paid order
/// (<see cref="OcdsContracts"/>), oldest first. Drafts and challenges waiting for moderation never appear.
/// The releases are not read here: <see cref="OcdsPackage.Releases"/> reads them in batches while the package is
/// written (<see cref="OcdsReleaseStream"/>), so a long register is never held whole.
/// </summary>
public static class OcdsReleasePackage
{
    public const string PublisherName = "GovTech Marketplace";

    /// <summary><paramref name="SiteUrl"/> is the site's absolute base address, e.g. "https://marketplace.example".</summary>
    public sealed record Query(string SiteUrl) : IRequest<OcdsPackage>
    {
        /// <summary>Releases of one kind read per query; tests make it small to cross batch boundaries.</summary>
        internal int BatchSize { get; init; } = 500;
    }

    public sealed class Handler(MarketplaceDbContext db, IClock clock) : IRequestHandler<Query, OcdsPackage>
    {
        public async Task<OcdsPackage> Handle(Query request, CancellationToken cancellationToken)
        {
            var site = request.SiteUrl.TrimEnd('/');
            var challenges = new OcdsChallengeReleases(db, site);
            OcdsReleaseKind[] kinds = [challenges.Tenders, challenges.Awards, challenges.Cancellations, OcdsContracts.Kind(db, site)];
            // For a package made on demand, the standard asks for the date of the latest change to its contents. It is
            // written before the releases, so it comes from the database's MAX of each kind's date, not from the releases.
            var latest = await OcdsReleaseStream.LatestAsync(kinds, cancellationToken);
            var releases = latest is { } until
                ? OcdsReleaseStream.MergeAsync(kinds, until, request.BatchSize, cancellationToken)
                : AsyncEnumerable.Empty<OcdsRelease>();
            return new OcdsPackage($"{site}/api/ocds/releases", "1.1", latest ?? clock.Now, new OcdsPublisher(PublisherName, site), releases);
        }
    }
}
