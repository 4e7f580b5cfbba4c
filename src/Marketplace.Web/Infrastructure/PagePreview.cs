using Marketplace.Core.Common;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// How a page looks when its link is shared (Open Graph and Twitter cards): a page model puts one in ViewData
/// (<see cref="Put"/>), or names its description with <see cref="PagePreviewAttribute"/>, and the layout writes the
/// tags with absolute addresses from <see cref="SiteAddress"/>. Pages without one are described as the site.
/// </summary>
/// <param name="Title">Null for the page's own title (ViewData["Title"], known once the view has run).</param>
/// <param name="Image">A site path ("/solutions/x/logo") or null for the site's default picture.</param>
public sealed record PagePreview(string? Title, string Description, string? Image = null, string Type = "website")
{
    public const string DefaultImage = "/img/link-preview.png";
    private const string Key = "PagePreview";
    private const int DescriptionLength = 200;

    public static void Put(ViewDataDictionary viewData, PagePreview preview) => viewData[Key] = preview;

    /// <summary>The page's own preview, or one made of its title and the site's description; called by the layout.</summary>
    public static PagePreview For(ViewDataDictionary viewData)
    {
        var preview = viewData[Key] as PagePreview ?? new PagePreview(null, Texts.Get("Infrastructure.PagePreview.TheGovTechMarketplaceSolutionsFromThai"));
        return preview.Title is null ? preview with { Title = viewData["Title"]?.ToString() ?? "" } : preview;
    }

    /// <summary>Scrapers cut long descriptions anyway; cut at a word so the card does not end mid-word.</summary>
    public string ShortDescription
    {
        get
        {
            var text = string.Join(' ', Description.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            if (text.Length <= DescriptionLength)
                return text;
            var cut = text.LastIndexOf(' ', DescriptionLength);
            return text[..(cut > DescriptionLength / 2 ? cut : DescriptionLength)] + "…";
        }
    }

    public static string Absolute(HttpRequest request, string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.ToString()
            : SiteAddress.Of(request) + (pathOrUrl.StartsWith('/') ? pathOrUrl : "/" + pathOrUrl);
}

/// <summary>Gives a page whose model cannot set ViewData (or should not grow) a preview description from a resource key.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PagePreviewAttribute(string descriptionKey) : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is PageResult page)
            PagePreview.Put(page.ViewData, new PagePreview(null, Texts.Get(descriptionKey)));
    }
}
