using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Challenges;

/// <summary>A clarification question. The answer is public; who asked is never shown to the public.</summary>
public sealed class ChallengeQuestion
{
    private ChallengeQuestion() { }

    internal ChallengeQuestion(int challengeId, int askedByVendorId, string askedByUserId, string text, DateTimeOffset now)
    {
        ChallengeId = challengeId;
        AskedByVendorId = askedByVendorId;
        AskedByUserId = askedByUserId;
        Text = text;
        AskedAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public int AskedByVendorId { get; private set; }
    public string AskedByUserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Answer { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    internal void AnswerWith(string answer, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(answer))
            throw new DomainRuleException(Texts.Get("Domain.Challenges.Questions.WriteTheAnswer"));
        Answer = answer.Trim();
        AnsweredAt = now;
    }
}

/// <summary>An agency invited a vendor to propose.</summary>
public sealed class Invitation
{
    private Invitation() { }

    internal Invitation(int challengeId, int vendorId, DateTimeOffset now)
    {
        ChallengeId = challengeId;
        VendorId = vendorId;
        InvitedAt = now;
    }

    public int Id { get; private set; }
    public int ChallengeId { get; private set; }
    public int VendorId { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
}

/// <summary>A vendor's standing search: tell me about new challenges in these categories, provinces or with these words.</summary>
public sealed class SavedAlert
{
    private SavedAlert() { }

    public SavedAlert(int vendorId, IReadOnlyList<int> categories, IReadOnlyList<string> provinces, string? keywords, DateTimeOffset now)
    {
        VendorId = vendorId;
        Categories = categories;
        Provinces = provinces;
        Keywords = string.IsNullOrWhiteSpace(keywords) ? null : keywords.Trim();
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int VendorId { get; private set; }
    public IReadOnlyList<int> Categories { get; private set; } = [];
    public IReadOnlyList<string> Provinces { get; private set; } = [];
    public string? Keywords { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Every stated condition must hold; keywords match when any of them appears in the challenge's text.</summary>
    public bool Matches(ChallengeContent c)
    {
        if (Categories.Count > 0 && !Categories.Contains(c.Category))
            return false;
        if (Provinces.Count > 0 && c.Provinces.Count > 0 && !Provinces.Intersect(c.Provinces).Any())
            return false;
        if (Keywords is null)
            return true;
        var text = string.Join(' ', c.TitleTh, c.TitleEn, c.ProblemTh, c.ProblemEn, c.OutcomesTh, c.OutcomesEn);
        return Keywords.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }
}
