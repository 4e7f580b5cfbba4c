using Marketplace.Core.Common;

namespace Marketplace.Core.Domain;

/// <summary>
/// An admin's wording for one of the six NIA categories. The categories themselves (numbers, slugs) stay
/// fixed in code (<see cref="NiaCategory.All"/>); only their names and descriptions can be reworded.
/// </summary>
public sealed class CategoryText
{
    private CategoryText() { }

    public CategoryText(int number) => Number = number;

    public int Number { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string DescriptionTh { get; private set; } = "";
    public string DescriptionEn { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Reword(string nameTh, string nameEn, string descriptionTh, string descriptionEn, DateTimeOffset now)
    {
        if (NiaCategory.ByNumber(Number) is null)
            throw new DomainRuleException(Texts.Get("Domain.CategoryText.ThereIsNoSuchCategory"));
        NameTh = nameTh.Trim();
        NameEn = nameEn.Trim();
        DescriptionTh = descriptionTh.Trim();
        DescriptionEn = descriptionEn.Trim();
        UpdatedAt = now;
    }

    public NiaCategory ApplyTo(NiaCategory category) =>
        category with { NameTh = NameTh, NameEn = NameEn, DescriptionTh = DescriptionTh, DescriptionEn = DescriptionEn };
}
