using Marketplace.Core.Common;

namespace Marketplace.Core.Domain.Catalogue;

/// <summary>Where the vendor's working copy stands in review.</summary>
public enum ReviewState { Draft, Submitted, ChangesRequested, Rejected, Approved }

/// <summary>Whether the public can read the live copy.</summary>
public enum Visibility { NeverPublished, Published, Withdrawn, Unpublished }

/// <summary>
/// A solution a vendor lists. Every transition is a method that refuses an illegal move; the handlers
/// call them and the pipeline audits them.
/// </summary>
public sealed class Listing
{
    private Listing() { }

    public Listing(int vendorId, string slug, ListingContent content, DateTimeOffset now)
    {
        VendorId = vendorId;
        Slug = slug;
        Draft = content;
        CreatedAt = UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int VendorId { get; private set; }
    public Organisation? Vendor { get; private set; }
    public string Slug { get; private set; } = "";
    public ListingContent Draft { get; private set; } = new();
    public ListingContent? Live { get; private set; }
    public ReviewState Review { get; private set; }
    public Visibility Visibility { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The moderator's reason for a rejection or an unpublication.</summary>
    public string? ModeratorReason { get; private set; }

    /// <summary>When changes are requested: the moderator's reason per field name.</summary>
    public IReadOnlyDictionary<string, string> RequestedChanges { get; private set; } = new Dictionary<string, string>();

    // Copies of the live content's filter values, so browse pages can filter in SQL on any provider.
    public string? LiveTitleTh { get; private set; }
    public Sector? LiveSector { get; private set; }
    public string? LiveCategories { get; private set; }
    public string? LiveProvinces { get; private set; }

    public bool IsPublic => Visibility == Visibility.Published && Live is not null;

    /// <summary>A published listing with a revision waiting: the public still sees <see cref="Live"/>.</summary>
    public bool HasPendingRevision => Live is not null && Review is ReviewState.Draft or ReviewState.Submitted or ReviewState.ChangesRequested;

    public void Edit(ListingContent content, DateTimeOffset now)
    {
        if (Review is ReviewState.Submitted)
            Refuse(Texts.Get("Domain.Catalogue.Listing.ThisListingIsBeingReviewedYou"));
        if (Review is ReviewState.Rejected && Live is null)
            Refuse(Texts.Get("Domain.Catalogue.Listing.ThisListingWasRejectedAndCannot"));
        Draft = content;
        Review = ReviewState.Draft;
        UpdatedAt = now;
    }

    public void Submit(DateTimeOffset now)
    {
        if (Review is not (ReviewState.Draft or ReviewState.ChangesRequested))
            Refuse(Texts.Get("Domain.Catalogue.Listing.OnlyADraftOrAListing"));
        Review = ReviewState.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Only a verified vendor's listing can go live: buyers trust the badge.</summary>
    public void Approve(Organisation vendor, DateTimeOffset now)
    {
        RequireSubmitted();
        if (vendor.Id != VendorId || vendor.Verification != VerificationState.Verified)
            Refuse(Texts.Get("Domain.Catalogue.Listing.OnlyAVerifiedOrganisationSListing"));
        Live = Draft;
        LiveTitleTh = Draft.TitleTh;
        LiveSector = Draft.Sector;
        LiveCategories = "|" + string.Join("|", Draft.Categories) + "|";
        LiveProvinces = "|" + string.Join("|", Draft.Provinces) + "|";
        Review = ReviewState.Approved;
        Visibility = Visibility.Published;
        PublishedAt ??= now;
        RequestedChanges = new Dictionary<string, string>();
        ModeratorReason = null;
        UpdatedAt = now;
    }

    public void RequestChanges(IReadOnlyDictionary<string, string> reasonsByField, DateTimeOffset now)
    {
        RequireSubmitted();
        if (reasonsByField.Count == 0 || reasonsByField.Values.Any(string.IsNullOrWhiteSpace))
            Refuse(Texts.Get("Domain.Catalogue.Listing.SayWhatToChangeInAt"));
        RequestedChanges = reasonsByField.ToDictionary(r => r.Key, r => r.Value.Trim());
        Review = ReviewState.ChangesRequested;
        UpdatedAt = now;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        RequireSubmitted();
        RequireReason(reason);
        ModeratorReason = reason.Trim();
        Review = ReviewState.Rejected;
        UpdatedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (!IsPublic)
            Refuse(Texts.Get("Domain.Catalogue.Listing.OnlyAPublishedListingCanBe"));
        Visibility = Visibility.Withdrawn;
        UpdatedAt = now;
    }

    public void Unpublish(string reason, DateTimeOffset now)
    {
        if (!IsPublic)
            Refuse(Texts.Get("Domain.Catalogue.Listing.OnlyAPublishedListingCanBe2"));
        RequireReason(reason);
        ModeratorReason = reason.Trim();
        Visibility = Visibility.Unpublished;
        UpdatedAt = now;
    }

    private void RequireSubmitted()
    {
        if (Review != ReviewState.Submitted)
            Refuse(Texts.Get("Domain.Catalogue.Listing.OnlyASubmittedListingCanBe"));
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            Refuse(Texts.Get("Domain.Catalogue.Listing.GiveAReasonTheVendorWill"));
    }

    private static void Refuse(string message) => throw new DomainRuleException(message);
}
