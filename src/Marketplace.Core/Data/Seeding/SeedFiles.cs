using System.Text.Json;
using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Data.Seeding;

/// <summary>The shapes of the JSON files in seed-data/ (documented field by field in seed-data/README.md).</summary>
internal static class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<T> ReadAsync<T>(string folder, string file, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Seed file {path} is missing; check the setting Marketplace:SeedDataPath", path);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, ct)
            ?? throw new InvalidDataException($"Seed file {path} is empty");
    }
}

internal sealed record SeedProvince(string Code, string Th, string En);

internal sealed record SeedOrganisation(
    string Key, OrganisationKind Kind, string NameTh, string NameEn, string? JuristicNumber, string Province,
    string? Website, string ContactEmail, string? ContactPhone, string? DescriptionTh, string? DescriptionEn,
    VerificationState Verification, string? RejectionReasonTh, string? RejectionReasonEn);

internal sealed record SeedUsers(string DemoPassword, IReadOnlyList<SeedUser> Users);

internal sealed record SeedUser(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Organisation, string Language, bool Demo,
    bool OrganisationAdmin = false);

internal sealed record SeedSolution(
    string Slug, string Vendor, string State, string TitleTh, string? TitleEn, string SummaryTh, string? SummaryEn,
    string DescriptionTh, string? DescriptionEn, Sector Sector, int PrimaryCategory, IReadOnlyList<int>? SecondaryCategories,
    IReadOnlyList<string>? Tags, IReadOnlyList<string>? Provinces, Maturity Maturity, int AgenciesUsing, PricingModel PricingModel,
    long? PriceSatang, string? NoPriceReason, string? Website, string? DemoUrl, IReadOnlyList<SeedCertification>? Certifications,
    DataHandling? DataHandling, IReadOnlyList<PilotPackage>? PilotPackages)
{
    public ListingContent ToContent() => new()
    {
        TitleTh = TitleTh,
        TitleEn = TitleEn,
        SummaryTh = SummaryTh,
        SummaryEn = SummaryEn,
        DescriptionTh = DescriptionTh,
        DescriptionEn = DescriptionEn,
        Sector = Sector,
        PrimaryCategory = PrimaryCategory,
        SecondaryCategories = SecondaryCategories ?? [],
        Tags = Tags ?? [],
        Provinces = Provinces ?? [],
        Maturity = Maturity,
        AgenciesUsing = AgenciesUsing,
        PricingModel = PricingModel,
        PriceSatang = PriceSatang,
        NoPriceReason = NoPriceReason,
        Website = Website,
        DemoUrl = DemoUrl,
        Certifications = (Certifications ?? []).Select(c => new Certification(c.Kind, c.Number, c.Expires is null ? null : DateOnly.Parse(c.Expires, System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        DataHandling = DataHandling ?? new DataHandling(false, false, "Thailand"),
        PilotPackages = PilotPackages ?? [],
    };
}

internal sealed record SeedCertification(string Kind, string Number, string? Expires);

internal sealed record SeedChallenge(
    string Key, string Agency, string PostedBy, string TitleTh, string? TitleEn, string ProblemTh, string? ProblemEn,
    string OutcomesTh, string? OutcomesEn, Sector Sector, int Category, IReadOnlyList<string>? Provinces,
    long BudgetMinSatang, long BudgetMaxSatang, int QuestionsDeadlineDays, int ProposalsDeadlineDays, int? PublishedDaysAgo,
    int? AwardedDaysAgo, string State, IReadOnlyList<Criterion> Criteria, Eligibility Eligibility, string? ContactTh,
    string? ContactEn, string ContactEmail, IReadOnlyList<SeedQuestion>? Questions, IReadOnlyList<SeedProposal>? Proposals)
{
    public ChallengeContent ToContent() => new()
    {
        TitleTh = TitleTh,
        TitleEn = TitleEn,
        ProblemTh = ProblemTh,
        ProblemEn = ProblemEn,
        OutcomesTh = OutcomesTh,
        OutcomesEn = OutcomesEn,
        Sector = Sector,
        Category = Category,
        Provinces = Provinces ?? [],
        BudgetMinSatang = BudgetMinSatang,
        BudgetMaxSatang = BudgetMaxSatang,
        Criteria = Criteria,
        Eligibility = Eligibility,
        ContactTh = ContactTh,
        ContactEn = ContactEn,
        ContactEmail = ContactEmail,
    };
}

internal sealed record SeedQuestion(string AskedByVendor, string QuestionTh, string? QuestionEn, string? AnswerTh, string? AnswerEn);

internal sealed record SeedProposal(string Vendor, string Solution, string ApproachTh, string? ApproachEn, long PriceSatang, int TimelineDays,
    IReadOnlyList<int>? Scores, bool? Shortlisted, bool? Awarded, long? ContractValueSatang, string? FeedbackTh, string? FeedbackEn);
