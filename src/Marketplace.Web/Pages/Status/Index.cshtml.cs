using Marketplace.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages.Status;

/// <summary>Friendly status pages in both languages: re-executed by the status-code and exception middleware.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            400 => (Texts.Get("Pages.Status.Index.BadRequest"),
                Texts.Get("Pages.Status.Index.TheRequestCouldNotBeUnderstood")),
            403 => (Texts.Get("Pages.Status.Index.YouDoNotHaveAccessTo"),
                Texts.Get("Pages.Status.Index.YourAccountCannotViewOrChange")),
            404 => (Texts.Get("Pages.Status.Index.PageNotFound"),
                Texts.Get("Pages.Status.Index.CheckTheWebAddressOrGo")),
            429 => (Texts.Get("Pages.Status.Index.TooManyRequests"),
                Texts.Get("Pages.Status.Index.YouSentTooManyRequestsWait")),
            503 when Infrastructure.Health.SearchRepairResponses.IsSearchRepair(HttpContext) => (Texts.Get("Pages.Status.Index.SearchIsBeingRepaired"),
                Texts.Get("Pages.Status.Index.TheSearchIndexIsBeingRebuilt")),
            _ when code >= 500 => (Texts.Get("Pages.Status.Index.SorrySomethingWentWrong"),
                Texts.Get("Pages.Status.Index.NothingYouSavedWasLostPlease")),
            _ => (Texts.Get("Pages.Status.Index.SomethingWentWrong"), Texts.Get("Pages.Status.Index.PleaseTryAgain")),
        };
        // Only when reached directly (/status/404) does this page choose its own code; re-executed requests keep theirs.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }
}
