using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Core.Domain.Catalogue;
using Marketplace.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Http;

public sealed partial class CatalogueTests(MarketplaceFactory factory) : IClassFixture<MarketplaceFactory>
{
    private const string Vendor = "vendor@demo.govtech.example";
    private const string OtherVendor = "vendor-en@demo.govtech.example";
    private const string Buyer = "buyer@demo.govtech.example";
    private const string Moderator = "moderator@demo.govtech.example";

    private static readonly string LongDescription =
        string.Concat(Enumerable.Repeat("ชาวบ้านถ่ายรูปถนนที่ชำรุดแล้วส่งให้เทศบาลได้ทันที เจ้าหน้าที่เห็นตำแหน่งบนแผนที่และแจ้งผลกลับ ", 4));

    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] SmallPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static string UniqueTitle() => "ระบบแจ้งซ่อมถนนชุมชน " + Guid.NewGuid().ToString("N")[..6];

    private static Dictionary<string, string> ListingFields(string titleTh, string? descriptionTh = null) => new()
    {
        ["Input.Listing.TitleTh"] = titleTh,
        ["Input.Listing.SummaryTh"] = "ประชาชนแจ้งถนนชำรุดพร้อมรูปและพิกัด เทศบาลติดตามงานซ่อมได้ในที่เดียว",
        ["Input.Listing.DescriptionTh"] = descriptionTh ?? LongDescription,
        ["Input.Listing.Sector"] = "CivilTech",
        ["Input.Listing.PrimaryCategory"] = "2",
        ["Input.Listing.Provinces"] = "TH-50",
        ["Input.Listing.Maturity"] = "Pilot",
        ["Input.Listing.PricingModel"] = "OneOff",
        ["Input.Listing.PriceBaht"] = "120,000.50",
    };

    private async Task<T> Db<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private Task<Listing> StoredAsync(int id) => Db(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    private async Task<Visitor> SignedInAsync(string email)
    {
        var visitor = Visitor.For(factory);
        await visitor.SignInAsync(email);
        return visitor;
    }

    /// <summary>Posts the new-listing form and returns the id the site redirected to.</summary>
    private static async Task<int> CreateAsync(Visitor vendor, Dictionary<string, string> fields, UploadedFile? logo = null)
    {
        var (_, form) = await vendor.GetAsync("/vendor/listings/edit");
        Assert.Contains("action=\"/vendor/listings/edit?handler=Save\"", form);
        using var response = logo is null
            ? await vendor.PostFormAsync("/vendor/listings/edit", fields, "/vendor/listings/edit?handler=Save")
            : await vendor.PostFormWithFileAsync("/vendor/listings/edit", fields, logo, "/vendor/listings/edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"Redirected to {response.Headers.Location} instead of the edit page");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task SubmitAsync(Visitor vendor, int id)
    {
        using var response = await vendor.PostFormAsync($"/vendor/listings/edit/{id}", new Dictionary<string, string>(), $"/vendor/listings/edit/{id}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/vendor/listings", response.Headers.Location?.OriginalString);
    }

    private async Task ApproveAsync(int id)
    {
        using var moderator = await SignedInAsync(Moderator);
        using var response = await moderator.PostFormAsync($"/moderation/listings/{id}", new Dictionary<string, string> { ["Decision.Decision"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/moderation", response.Headers.Location?.OriginalString);
    }

    private async Task<(int Id, string Slug)> PublishedListingAsync(Visitor vendor, Dictionary<string, string> fields, UploadedFile? logo = null)
    {
        var id = await CreateAsync(vendor, fields, logo);
        await SubmitAsync(vendor, id);
        await ApproveAsync(id);
        return (id, (await StoredAsync(id)).Slug);
    }

    [Fact]
    public async Task A_listing_is_created_edited_and_submitted_by_its_vendor_and_public_only_once_a_moderator_approves_it()
    {
        using var vendor = await SignedInAsync(Vendor);
        using var anonymous = Visitor.For(factory);
        var title = UniqueTitle();

        var id = await CreateAsync(vendor, ListingFields(title));
        var created = await StoredAsync(id);
        Assert.Equal((ReviewState.Draft, Visibility.NeverPublished), (created.Review, created.Visibility));
        Assert.Equal(title, created.Draft.TitleTh);
        Assert.Equal(12_000_050, created.Draft.PriceSatang);
        Assert.Equal(["TH-50"], created.Draft.Provinces);
        var (_, editPage) = await vendor.GetAsync($"/vendor/listings/edit/{id}");
        Assert.Contains("บันทึกแล้ว", editPage);
        Assert.DoesNotContain("data-passed=\"false\"", editPage);

        var edited = ListingFields(title);
        edited["Input.Listing.SummaryTh"] = "แจ้งถนนชำรุด ไฟทางดับ และท่อระบายน้ำอุดตัน พร้อมติดตามผลการซ่อม";
        using (var response = await vendor.PostFormAsync($"/vendor/listings/edit/{id}", edited, $"/vendor/listings/edit/{id}?handler=Save"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(edited["Input.Listing.SummaryTh"], (await StoredAsync(id)).Draft.SummaryTh);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/solutions/{created.Slug}")).Status);
        await SubmitAsync(vendor, id);
        Assert.Equal(ReviewState.Submitted, (await StoredAsync(id)).Review);
        var (_, mine) = await vendor.GetAsync("/vendor/listings");
        Assert.Contains("ส่งให้เจ้าหน้าที่ NIA ตรวจแล้ว", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/solutions/{created.Slug}")).Status);

        await ApproveAsync(id);
        var approved = await StoredAsync(id);
        Assert.Equal((ReviewState.Approved, Visibility.Published), (approved.Review, approved.Visibility));
        var (status, publicPage) = await anonymous.GetAsync($"/solutions/{created.Slug}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, publicPage);
        Assert.Contains(edited["Input.Listing.SummaryTh"], publicPage);
    }

    [Fact]
    public async Task Another_vendor_gets_404_on_a_draft_and_403_on_a_published_listing_and_changes_nothing()
    {
        using var owner = await SignedInAsync(Vendor);
        using var other = await SignedInAsync(OtherVendor);
        var title = UniqueTitle();
        var id = await CreateAsync(owner, ListingFields(title));
        var refusalsBefore = await Db(db => db.AuditEvents.CountAsync(a => a.Refused && a.UserName == OtherVendor));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/vendor/listings/edit/{id}")).Status);
        using (var takeover = await other.PostFormAsync("/vendor/listings/edit", ListingFields("ยึดรายการ"), $"/vendor/listings/edit/{id}?handler=Save"))
            Assert.Equal(HttpStatusCode.NotFound, takeover.StatusCode);
        Assert.Equal(title, (await StoredAsync(id)).Draft.TitleTh);

        await SubmitAsync(owner, id);
        await ApproveAsync(id);
        var (status, html) = await other.GetAsync($"/vendor/listings/edit/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("คุณไม่มีสิทธิ์เข้าถึงหน้านี้", html);
        using (var withdraw = await other.PostFormAsync("/vendor/listings", new Dictionary<string, string>(), $"/vendor/listings/edit/{id}?handler=Withdraw"))
            Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(Visibility.Published, (await StoredAsync(id)).Visibility);
        Assert.Equal(refusalsBefore + 4, await Db(db => db.AuditEvents.CountAsync(a => a.Refused && a.UserName == OtherVendor)));
    }

    [Fact]
    public async Task A_buyer_gets_403_on_the_listing_form_and_cannot_post_one()
    {
        using var buyer = await SignedInAsync(Buyer);
        var listingsBefore = await Db(db => db.Listings.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync("/vendor/listings/edit")).Status);
        using var response = await buyer.PostFormAsync("/vendor/listings/edit", ListingFields(UniqueTitle()), "/vendor/listings/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(listingsBefore, await Db(db => db.Listings.CountAsync()));
    }

    [Fact]
    public async Task Script_event_handlers_and_javascript_links_in_the_Markdown_come_out_inert_on_the_public_page()
    {
        using var vendor = await SignedInAsync(Vendor);
        var hostile = LongDescription + """


            <script>alert('script-tag')</script>

            <img src="x" onerror="alert('onerror')">

            [ดูเดโม](javascript:alert('markdown-link')) and [again](JaVaScRiPt:alert('mixed-case'))

            <a href="javascript:alert('raw-link')">raw link</a> <javascript:alert('autolink')>

            **ปลอดภัย**
            """;
        var (_, slug) = await PublishedListingAsync(vendor, ListingFields(UniqueTitle(), hostile));

        using var anonymous = Visitor.For(factory);
        var (status, html) = await anonymous.GetAsync($"/solutions/{slug}");
        Assert.Equal(HttpStatusCode.OK, status);
        var description = Description().Match(html);
        Assert.True(description.Success, "The description block is missing from the page");
        var body = description.Groups[1].Value;

        Assert.Contains("<strong>ปลอดภัย</strong>", body);
        Assert.Contains("ดูเดโม", body);
        Assert.Contains("&lt;script&gt;", body);
        Assert.DoesNotMatch(ScriptTag(), body);
        Assert.DoesNotMatch(EventHandlerInsideTag(), html);
        Assert.DoesNotMatch(JavascriptUrl(), html);
    }

    [Theory]
    [InlineData("oversized", "โลโก้ต้องมีขนาดไม่เกิน 1 MB")]
    [InlineData("mislabelled", "โลโก้ต้องเป็นไฟล์ภาพ PNG, JPEG หรือ WebP")]
    public async Task A_logo_that_is_too_big_or_not_an_image_is_refused_with_a_message_and_nothing_is_saved(string kind, string message)
    {
        var bytes = kind == "oversized"
            ? [.. SmallPng, .. new byte[ListingLogo.MaxBytes + 1 - SmallPng.Length]]
            : "not a picture, only text pretending to be one"u8.ToArray();
        var logo = new UploadedFile("LogoFile", "logo.png", "image/png", bytes);
        using var vendor = await SignedInAsync(Vendor);
        var title = UniqueTitle();
        var listingsBefore = await Db(db => db.Listings.CountAsync());
        var logosBefore = await Db(db => db.ListingLogos.CountAsync());

        using (var create = await vendor.PostFormWithFileAsync("/vendor/listings/edit", ListingFields(title), logo, "/vendor/listings/edit?handler=Save"))
        {
            var page = await create.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
            Assert.Contains("data-testid=\"error-summary\"", page);
            Assert.Contains("href=\"#Input_Logo\"", page);
            Assert.Matches($"id=\"Input_Logo-error\">{Regex.Escape(message)}", page);
            Assert.Matches("<input[^>]+id=\"Input_Logo\"[^>]+aria-invalid=\"true\"", page);
        }
        Assert.Equal(listingsBefore, await Db(db => db.Listings.CountAsync()));

        var id = await CreateAsync(vendor, ListingFields(title));
        var edited = ListingFields(title + " ฉบับใหม่");
        using (var edit = await vendor.PostFormWithFileAsync($"/vendor/listings/edit/{id}", edited, logo, $"/vendor/listings/edit/{id}?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Assert.Contains(message, await edit.Content.ReadAsStringAsync());
        }
        Assert.Equal(title, (await StoredAsync(id)).Draft.TitleTh);
        Assert.Equal(logosBefore, await Db(db => db.ListingLogos.CountAsync()));
    }

    [Fact]
    public async Task A_small_png_logo_is_served_back_as_a_png_once_the_listing_is_public()
    {
        using var vendor = await SignedInAsync(Vendor);
        using var anonymous = Visitor.For(factory);
        var id = await CreateAsync(vendor, ListingFields(UniqueTitle()), new UploadedFile("LogoFile", "logo.png", "image/png", SmallPng));
        var slug = (await StoredAsync(id)).Slug;
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/solutions/{slug}/logo")).Status);

        await SubmitAsync(vendor, id);
        await ApproveAsync(id);
        using var response = await anonymous.Http.GetAsync($"/solutions/{slug}/logo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SmallPng, await response.Content.ReadAsByteArrayAsync());
        var (_, page) = await anonymous.GetAsync($"/solutions/{slug}");
        Assert.Contains($"src=\"/solutions/{slug}/logo\"", page);
    }

    [Fact]
    public async Task A_new_logo_on_a_published_listing_waits_for_approval_while_the_old_one_stays_live()
    {
        using var vendor = await SignedInAsync(Vendor);
        using var anonymous = Visitor.For(factory);
        var title = UniqueTitle();
        var (id, slug) = await PublishedListingAsync(vendor, ListingFields(title), new UploadedFile("LogoFile", "logo.png", "image/png", SmallPng));
        byte[] newLogo = [.. SmallPng, 0, 1, 2, 3];

        using (var edit = await vendor.PostFormWithFileAsync($"/vendor/listings/edit/{id}", ListingFields(title), new UploadedFile("LogoFile", "new.png", "image/png", newLogo),
            $"/vendor/listings/edit/{id}?handler=Save"))
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        Assert.Equal(SmallPng, await anonymous.Http.GetByteArrayAsync($"/solutions/{slug}/logo"));
        Assert.Equal(SmallPng, await anonymous.Http.GetByteArrayAsync($"/solutions/{slug}/logo?preview=true"));
        Assert.Equal(newLogo, await vendor.Http.GetByteArrayAsync($"/solutions/{slug}/logo?preview=true"));

        await SubmitAsync(vendor, id);
        Assert.Equal(SmallPng, await anonymous.Http.GetByteArrayAsync($"/solutions/{slug}/logo"));
        await ApproveAsync(id);

        Assert.Equal(newLogo, await Eventually.ReadAsync(() => anonymous.Http.GetByteArrayAsync($"/solutions/{slug}/logo"), logo => logo.SequenceEqual(newLogo)));
    }

    [GeneratedRegex(@"^/vendor/listings/edit/(\d+)$")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"class=""[^""]*listing-description[^""]*""[^>]*>(.*?)</div>\s*<aside", RegexOptions.Singleline)]
    private static partial Regex Description();

    [GeneratedRegex(@"<script\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerInsideTag();

    [GeneratedRegex(@"<[a-z][^>]*\s(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();
}
