using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

public sealed partial class CatalogueJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "ระบบจองคิวตรวจสุขภาพผู้สูงอายุ";
    private const string ChangeRequest = "บอกด้วยว่าใช้กับโรงพยาบาลส่งเสริมสุขภาพตำบลได้หรือไม่";
    private const string FixedSummary = "อสม. จองคิวตรวจสุขภาพให้ผู้สูงอายุผ่านมือถือ ใช้ได้กับโรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่ง";

    private static readonly string Description = string.Concat(Enumerable.Repeat(
        "ผู้สูงอายุในชุมชนไม่ต้องไปรอคิวตั้งแต่เช้า อาสาสมัครสาธารณสุขจองคิวให้ล่วงหน้า และโรงพยาบาลเห็นจำนวนผู้มารับบริการในแต่ละวัน ", 3));

    [Fact]
    public async Task A_vendor_lists_a_solution_in_Thai_a_moderator_asks_for_a_change_then_approves_and_a_visitor_reads_it()
    {
        var vendor = await fixture.NewPageAsync();
        await vendor.SignInAsync("vendor@demo.govtech.example");
        await vendor.GotoAsync("/vendor/listings");
        await vendor.CheckAsync(fixture, "catalogue-01-my-listings");

        await vendor.ClickAsync("[data-testid=new-listing]");
        await vendor.WaitForURLAsync("**/vendor/listings/edit");
        await vendor.FillAsync("#Input_Listing_TitleTh", Title);
        await vendor.FillAsync("#Input_Listing_SummaryTh", "อสม. จองคิวตรวจสุขภาพให้ผู้สูงอายุผ่านมือถือ");
        await vendor.FillAsync("#Input_Listing_DescriptionTh", Description);
        await vendor.SelectOptionAsync("#Input_Listing_Sector", "GovTech");
        await vendor.SelectOptionAsync("#Input_Listing_PrimaryCategory", "3");
        await vendor.SelectOptionAsync("#Input_Listing_Provinces", new[] { "TH-40", "TH-41" });
        await vendor.SelectOptionAsync("#Input_Listing_PricingModel", "Subscription");
        await vendor.FillAsync("#Input_Listing_PriceBaht", "36,000");
        await vendor.CheckAsync(fixture, "catalogue-02-new-listing");
        await vendor.ClickAsync("[data-testid=save-listing]");

        await vendor.WaitForURLAsync(EditUrl());
        Assert.Contains("บันทึกแล้ว", await vendor.InnerTextAsync("[data-testid=listing-message]"));
        Assert.Equal(0, await vendor.Locator("[data-testid=checklist] [data-passed=false]").CountAsync());
        await vendor.CheckAsync(fixture, "catalogue-03-saved-draft");
        var listingId = int.Parse(EditUrl().Match(vendor.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await vendor.ClickAsync("[data-testid=submit-listing]");
        await vendor.WaitForURLAsync("**/vendor/listings");
        Assert.Contains("ส่งให้เจ้าหน้าที่ NIA ตรวจแล้ว", await vendor.InnerTextAsync("[data-testid=listing-message]"));
        await vendor.CheckAsync(fixture, "catalogue-04-submitted");

        var moderator = await fixture.NewPageAsync();
        await moderator.SignInAsync("moderator@demo.govtech.example");
        await OpenForReviewAsync(moderator, listingId, "catalogue-05-moderation-queue", "catalogue-06-review");
        await moderator.FillAsync("#req-SummaryTh", ChangeRequest);
        await moderator.ClickAsync("[data-testid=request-changes]");
        await moderator.WaitForURLAsync("**/moderation");
        await moderator.CheckAsync(fixture, "catalogue-07-changes-requested");

        await vendor.GotoAsync("/vendor/listings");
        Assert.Contains(ChangeRequest, await vendor.InnerTextAsync("[data-testid=my-listings]"));
        await vendor.CheckAsync(fixture, "catalogue-08-my-listings-with-request");
        await vendor.ClickAsync($"[data-testid=my-listings] a[href='/vendor/listings/edit/{listingId}']");
        await vendor.WaitForURLAsync(EditUrl());
        Assert.Contains(ChangeRequest, await vendor.InnerTextAsync("[data-testid=note-Input_Listing_SummaryTh]"));
        Assert.True(await vendor.IsVisibleAsync("[data-testid=requested-changes]"));
        await vendor.CheckAsync(fixture, "catalogue-09-change-next-to-field");
        await vendor.FillAsync("#Input_Listing_SummaryTh", FixedSummary);
        await vendor.ClickAsync("[data-testid=save-listing]");
        await vendor.WaitForSelectorAsync("[data-testid=listing-message]");
        await vendor.ClickAsync("[data-testid=submit-listing]");
        await vendor.WaitForURLAsync("**/vendor/listings");
        await vendor.CheckAsync(fixture, "catalogue-10-resubmitted");

        await OpenForReviewAsync(moderator, listingId, "catalogue-11-moderation-queue-again", "catalogue-12-review-again");
        Assert.Contains(FixedSummary, await moderator.InnerTextAsync("[data-testid=diff]"));
        await moderator.ClickAsync("[data-testid=approve]");
        await moderator.WaitForURLAsync("**/moderation");
        Assert.Contains("บันทึกการตัดสินแล้ว", await moderator.InnerTextAsync("[data-testid=moderation-message]"));

        var slug = await SlugOfAsync(listingId);
        var visitor = await fixture.NewPageAsync();
        var response = await visitor.GotoAsync($"/solutions/{slug}");
        Assert.Equal(200, response!.Status);
        Assert.Equal(Title, await visitor.InnerTextAsync("[data-testid=listing-title]"));
        Assert.Contains(FixedSummary, await visitor.InnerTextAsync("[data-testid=listing]"));
        Assert.Contains("36,000", await visitor.InnerTextAsync("[data-testid=price]"));
        await visitor.CheckAsync(fixture, "catalogue-13-public-page");
    }

    private async Task OpenForReviewAsync(IPage moderator, int listingId, string queueScreenshot, string reviewScreenshot)
    {
        await moderator.GotoAsync("/moderation");
        var link = moderator.Locator($"[data-testid=listing-queue] a[href='/moderation/listings/{listingId}']");
        Assert.Equal(Title, (await link.InnerTextAsync()).Trim());
        await moderator.CheckAsync(fixture, queueScreenshot);
        await link.ClickAsync();
        await moderator.WaitForURLAsync($"**/moderation/listings/{listingId}");
        await moderator.CheckAsync(fixture, reviewScreenshot);
    }

    private async Task<string> SlugOfAsync(int listingId)
    {
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId);
        Assert.Equal((ReviewState.Approved, Visibility.Published), (listing.Review, listing.Visibility));
        return listing.Slug;
    }

    [GeneratedRegex(@"/vendor/listings/edit/(\d+)$")]
    private static partial Regex EditUrl();
}
