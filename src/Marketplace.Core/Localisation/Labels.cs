using Marketplace.Core.Domain;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Core.Domain.Challenges;

namespace Marketplace.Core.Common;

/// <summary>The words a person reads for each state and choice, in their language.</summary>
public static class Labels
{
    public static string Maturity(Maturity m) => m switch
    {
        Core.Domain.Catalogue.Maturity.Idea => Texts.Get("Infrastructure.Labels.Idea"),
        Core.Domain.Catalogue.Maturity.Prototype => Texts.Get("Infrastructure.Labels.Prototype"),
        Core.Domain.Catalogue.Maturity.Pilot => Texts.Get("Infrastructure.Labels.Pilot"),
        _ => Texts.Get("Infrastructure.Labels.InProduction"),
    };

    public static string Pricing(PricingModel p) => p switch
    {
        PricingModel.Free => Texts.Get("Infrastructure.Labels.Free"),
        PricingModel.OneOff => Texts.Get("Infrastructure.Labels.OneOff"),
        PricingModel.Subscription => Texts.Get("Infrastructure.Labels.Subscription"),
        _ => Texts.Get("Infrastructure.Labels.OnQuotation"),
    };

    public static string Review(ReviewState r) => r switch
    {
        ReviewState.Draft => Texts.Get("Infrastructure.Labels.Draft"),
        ReviewState.Submitted => Texts.Get("Infrastructure.Labels.WaitingForReview"),
        ReviewState.ChangesRequested => Texts.Get("Infrastructure.Labels.ChangesRequested"),
        ReviewState.Rejected => Texts.Get("Infrastructure.Labels.Rejected"),
        _ => Texts.Get("Infrastructure.Labels.Approved"),
    };

    public static string Visibility(Visibility v) => v switch
    {
        Core.Domain.Catalogue.Visibility.Published => Texts.Get("Infrastructure.Labels.Public"),
        Core.Domain.Catalogue.Visibility.Withdrawn => Texts.Get("Infrastructure.Labels.Withdrawn"),
        Core.Domain.Catalogue.Visibility.Unpublished => Texts.Get("Infrastructure.Labels.UnpublishedByNIA"),
        _ => Texts.Get("Infrastructure.Labels.NotPublic"),
    };

    public static string Challenge(ChallengeState s) => s switch
    {
        ChallengeState.Draft => Texts.Get("Infrastructure.Labels.Draft"),
        ChallengeState.Submitted => Texts.Get("Infrastructure.Labels.WaitingForNIASReview"),
        ChallengeState.Published => Texts.Get("Infrastructure.Labels.OpenForProposals"),
        ChallengeState.Closed => Texts.Get("Infrastructure.Labels.ClosedForProposals"),
        ChallengeState.Evaluating => Texts.Get("Infrastructure.Labels.UnderEvaluation"),
        ChallengeState.Awarded => Texts.Get("Infrastructure.Labels.Awarded"),
        _ => Texts.Get("Infrastructure.Labels.Cancelled"),
    };

    public static string Proposal(ProposalState s) => s switch
    {
        ProposalState.Submitted => Texts.Get("Infrastructure.Labels.Sent"),
        ProposalState.Withdrawn => Texts.Get("Infrastructure.Labels.Withdrawn"),
        ProposalState.Shortlisted => Texts.Get("Infrastructure.Labels.Shortlisted"),
        ProposalState.Awarded => Texts.Get("Infrastructure.Labels.Awarded2"),
        _ => Texts.Get("Infrastructure.Labels.NotSelected"),
    };

    public static string Category(int number) => NiaCategory.ByNumber(number) is { } c ? Bi.Pick(c.NameTh, c.NameEn) : "";

    public static string Sector(Sector s) => Texts.Get("Labels.Sector." + s);

    public static string YesNo(bool value) => Texts.Get(value ? "Common.Yes" : "Common.No");

    /// <summary>"90 วัน" / "90 days"; "1 day".</summary>
    public static string Days(double days) => Texts.Get(Math.Abs(days - 1) < 0.05 ? "Labels.OneDay" : "Labels.Days", days);

    /// <summary>A duration in words: days from a day up, otherwise hours.</summary>
    public static string Duration(TimeSpan t) => t.TotalHours >= 24 ? Days(Math.Round(t.TotalDays, 1)) : Texts.Get("Labels.Hours", Math.Round(t.TotalHours, 1));
}
