namespace Marketplace.Core.Domain.Challenges;

/// <summary>One evaluation criterion; the weights of a challenge's criteria sum to 100.</summary>
public sealed record Criterion(string NameTh, string? NameEn, int Weight);

/// <summary>Who may send a proposal, stated up front so nobody writes one in vain.</summary>
public sealed record Eligibility(bool VerifiedOnly, string? RequiredCertification);

/// <summary>What an agency writes about its problem. Money in satang.</summary>
public sealed record ChallengeContent
{
    public string TitleTh { get; init; } = "";
    public string? TitleEn { get; init; }
    public string ProblemTh { get; init; } = "";
    public string? ProblemEn { get; init; }
    public string OutcomesTh { get; init; } = "";
    public string? OutcomesEn { get; init; }
    public Sector Sector { get; init; }
    public int Category { get; init; } = 1;

    /// <summary>Empty means nationwide.</summary>
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public long BudgetMinSatang { get; init; }
    public long BudgetMaxSatang { get; init; }
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];
    public Eligibility Eligibility { get; init; } = new(true, null);
    public string? ContactTh { get; init; }
    public string? ContactEn { get; init; }
    public string ContactEmail { get; init; } = "";
}
