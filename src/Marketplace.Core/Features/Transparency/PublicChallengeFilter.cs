using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Transparency;

/// <summary>
/// The one rule for which challenges open data may show: published at some point and past moderation. Drafts,
/// challenges waiting for NIA, and ones cancelled before publication exist only between an agency and NIA.
/// </summary>
internal static class PublicChallengeFilter
{
    public static IQueryable<Challenge> PublicOnly(this IQueryable<Challenge> challenges) =>
        challenges.Where(c => c.PublishedAt != null && c.State != ChallengeState.Draft && c.State != ChallengeState.Submitted);
}
