using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Tests.Support;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>The moderator's comparison reads as words in the page's language, not as code values.</summary>
public sealed class ListingComparisonTests
{
    private static readonly ListingContent Content = new()
    {
        TitleTh = "ระบบทดสอบ",
        Sector = Sector.CivilTech,
        Maturity = Maturity.Pilot,
        PricingModel = PricingModel.OneOff,
        PriceSatang = 4_500_000,
        Provinces = ["TH-50", "TH-51"],
        DataHandling = new(true, false, "Thailand"),
        PilotPackages = [new PilotPackage("แพ็กเกจนำร่อง", "Pilot package", 4_500_000, 90, "ติดตั้ง", "Set-up")],
        Certifications = [new Certification(Certification.InnovationList, "IL-1", new DateOnly(2027, 1, 15))],
    };

    private static readonly Dictionary<string, string> Provinces = new() { ["TH-50"] = "Chiang Mai", ["TH-51"] = "Lamphun" };

    private static string Value(string field) => ListingDiff.Compare(null, Content, Provinces).Single(r => r.Field == field).After;

    [Fact]
    public void In_English_the_comparison_shows_labels_names_money_yes_no_and_days()
    {
        using var _ = new EnglishCulture();
        Assert.Equal("Pilot", Value("Maturity"));
        Assert.StartsWith("One-off", Value("PriceBaht"));
        Assert.Contains("45,000", Value("PriceBaht"));
        Assert.Equal("Chiang Mai, Lamphun", Value("Provinces"));
        Assert.Equal("personal data: Yes · health data: No · stored in Thailand", Value("PersonalData"));
        Assert.Contains("90 days", Value("Packages"));
        Assert.Contains("Pilot package", Value("Packages"));
        Assert.Contains("15 Jan 2027", Value("InnovationListNumber"));
        Assert.DoesNotContain("InnovationList ", Value("InnovationListNumber"));
    }

    [Fact]
    public void In_Thai_the_same_values_read_in_Thai_with_the_Buddhist_era()
    {
        using var _ = new ThaiCulture();
        Assert.Contains("ใช่", Value("PersonalData"));
        Assert.Contains("90 วัน", Value("Packages"));
        Assert.Contains("15 ม.ค. 2570", Value("InnovationListNumber"));
        Assert.DoesNotContain("OneOff", Value("PriceBaht"));
    }
}
