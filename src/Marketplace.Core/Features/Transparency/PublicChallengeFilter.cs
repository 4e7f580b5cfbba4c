using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Features.Transparency;

/// <summary>Open data shows exactly the challenges <see cref="ChallengeRules.Public"/> calls public.</summary>
internal static class PublicChallengeFilter
{
    public static IQueryable<Challenge> PublicOnly(this IQueryable<Challenge> challenges) => challenges.Where(ChallengeRules.Public, default);
}
