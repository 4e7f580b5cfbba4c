using Marketplace.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.OpenData;

/// <summary>/open-data: every dataset the site publishes, with its format, licence and the description of its fields.</summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<OpenDataset> Datasets => OpenDataApi.Datasets;

    public void OnGet()
    {
    }
}
