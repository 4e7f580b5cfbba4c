namespace Marketplace.Core.Domain.Challenges;

/// <summary>
/// Copies of facts the public registers filter on. <see cref="Content"/> is one JSON column that SQL never looks
/// into (the schema stays the same on SQLite and PostgreSQL), so the category, the provinces and the proposal window
/// are kept in plain columns as well, written only by the transitions that set the originals.
/// </summary>
public sealed partial class Challenge
{
    /// <summary>The NIA category number, as in <see cref="ChallengeContent.Category"/>.</summary>
    public int Category { get; private set; }

    /// <summary>
    /// The provinces as "|TH-10|TH-50|" (empty: nationwide), so "names province X" is a substring test that both
    /// databases run on an ordinary text column.
    /// </summary>
    public string ProvinceCodes { get; private set; } = "";

    /// <summary>Whole days from publication to the proposal deadline, rounded down; set when published (both are fixed from then on).</summary>
    public int? WindowDays { get; private set; }

    public static string ProvinceKey(string code) => $"|{code}|";

    private void CopyRegisterColumns()
    {
        Category = Content.Category;
        ProvinceCodes = Content.Provinces.Count == 0 ? "" : "|" + string.Join("|", Content.Provinces) + "|";
        WindowDays = PublishedAt is { } published ? (int)Math.Floor((ProposalsDeadline - published).TotalDays) : null;
    }
}
