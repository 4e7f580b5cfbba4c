using Marketplace.Core.Data;
using Marketplace.Core.Domain.Challenges;
using Marketplace.Core.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// The award register's filter choices: the agencies and vendors that have awards and the first and last award. Every
/// rendering of /awards shows them and they change only with an award or a renamed organisation, so they are kept in
/// memory and reloaded on the first use after <see cref="PublicChanges.RecordsVersion"/> moves (a command committed
/// here, or another instance's change brought by the change log), the version the cached register page is keyed by.
/// </summary>
public sealed class AwardChoices(IServiceScopeFactory scopes, PublicChanges changes)
{
    private readonly VersionedSnapshot<Snapshot> _snapshot = new(scopes, () => changes.RecordsVersion, LoadAsync);

    public sealed record Snapshot(long Version, IReadOnlyList<OrganisationName> Agencies, IReadOnlyList<OrganisationName> Vendors,
        DateTimeOffset? FirstAward, DateTimeOffset? LastAward);

    public Task<Snapshot> GetAsync(CancellationToken ct) => _snapshot.GetAsync(ct);

    private static async Task<Snapshot> LoadAsync(MarketplaceDbContext db, long version, CancellationToken ct)
    {
        var awarded = db.Challenges.AsNoTracking().Where(c => c.State == ChallengeState.Awarded);
        var agencies = await awarded.Select(c => c.Agency!).Distinct()
            .Select(o => new OrganisationName(o.Id, o.Slug, o.NameTh, o.NameEn)).ToListAsync(ct);
        var vendors = await db.Proposals.AsNoTracking()
            .Where(p => p.State == ProposalState.Awarded && awarded.Any(c => c.Id == p.ChallengeId))
            .Select(p => p.Vendor!).Distinct()
            .Select(o => new OrganisationName(o.Id, o.Slug, o.NameTh, o.NameEn)).ToListAsync(ct);
        var span = await awarded.GroupBy(c => 1).Select(g => new { First = g.Min(c => c.AwardedAt), Last = g.Max(c => c.AwardedAt) })
            .FirstOrDefaultAsync(ct);
        return new Snapshot(version, agencies, vendors, span?.First, span?.Last);
    }
}
