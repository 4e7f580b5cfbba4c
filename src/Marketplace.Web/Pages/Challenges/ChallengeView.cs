using Marketplace.Core.Features.Challenges;

namespace Marketplace.Web.Pages.Challenges;

/// <summary>What the shared challenge partial shows: the challenge and the names of its provinces.</summary>
public sealed record ChallengeView(ChallengeDetails.Result Challenge, IReadOnlyDictionary<string, string> ProvinceNames);
