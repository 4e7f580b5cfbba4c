namespace Marketplace.Core.Domain.Catalogue;

public enum Maturity { Idea, Prototype, Pilot, Production }

public enum PricingModel { Free, OneOff, Subscription, Quote }

/// <summary>
/// Everything a vendor writes about a solution, as one immutable value. A listing keeps two of them: the
/// working copy the vendor edits and the live copy the public reads, so a revision can wait for approval
/// while the published version stays up. Money is in satang (1 THB = 100 satang), never floating point.
/// </summary>
public sealed record ListingContent
{
    public string TitleTh { get; init; } = "";
    public string? TitleEn { get; init; }
    public string SummaryTh { get; init; } = "";
    public string? SummaryEn { get; init; }
    public string DescriptionTh { get; init; } = "";
    public string? DescriptionEn { get; init; }
    public Sector Sector { get; init; }
    public int PrimaryCategory { get; init; } = 1;
    public IReadOnlyList<int> SecondaryCategories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public Maturity Maturity { get; init; }
    public int AgenciesUsing { get; init; }
    public PricingModel PricingModel { get; init; }
    public long? PriceSatang { get; init; }
    public string? NoPriceReason { get; init; }
    public string? Website { get; init; }
    public string? DemoUrl { get; init; }
    public IReadOnlyList<Certification> Certifications { get; init; } = [];
    public DataHandling DataHandling { get; init; } = new(false, false, "Thailand");
    public IReadOnlyList<PilotPackage> PilotPackages { get; init; } = [];

    public IEnumerable<int> Categories => SecondaryCategories.Where(c => c != PrimaryCategory).Prepend(PrimaryCategory);

    public bool HasValidInnovationListing(DateOnly today) =>
        Certifications.Any(c => c.Kind == Certification.InnovationList && (c.Expires is null || c.Expires >= today));
}

/// <param name="Kind">"InnovationList" for the Thai Innovation List (บัญชีนวัตกรรมไทย), or a standard such as "ISO27001".</param>
public sealed record Certification(string Kind, string Number, DateOnly? Expires)
{
    public const string InnovationList = "InnovationList";
}

/// <summary>What PDPA-minded buyers ask first: does it touch personal or health data, and where is it kept.</summary>
public sealed record DataHandling(bool PersonalData, bool HealthData, string StorageLocation);

/// <summary>A named fixed-price offer a buyer can purchase: price in satang, duration in days.</summary>
public sealed record PilotPackage(string NameTh, string? NameEn, long PriceSatang, int DurationDays, string IncludesTh, string? IncludesEn);
